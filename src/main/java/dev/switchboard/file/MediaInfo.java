package dev.switchboard.file;

/**
 * What inspection learned from a file's bytes. Fields that do not apply are null.
 *
 * @param mimeType the detected type, never the declared one
 */
public record MediaInfo(
    String mimeType,
    Integer width,
    Integer height,
    Long durationMs,
    String exifJson,
    GpsPosition gps,
    Thumbnail thumbnail) {

  public FileKind kind() {
    return FileKind.of(mimeType);
  }
}
