package dev.switchboard.file;

import java.time.Instant;

/**
 * An uploaded file and everything learned from its bytes. {@code name} is the client's name,
 * sanitized, and is used only for display and downloads; {@code mimeType} is detected, never
 * declared. Numbers that do not apply to the kind (duration of a PDF) are null.
 *
 * @param gps where a photo was taken; see {@link FileService#describe} for who may see it
 * @param exifJson camera metadata as a JSON object, without any GPS tags
 */
public record StoredFile(
    String tenantId,
    String id,
    String ownerId,
    String name,
    String mimeType,
    FileKind kind,
    long size,
    String sha256,
    String thumbnailSha256,
    String thumbnailMimeType,
    Integer width,
    Integer height,
    Long durationMs,
    String exifJson,
    GpsPosition gps,
    AccessType accessType,
    String altText,
    Instant createdAt) {

  public boolean hasThumbnail() {
    return thumbnailSha256 != null;
  }

  /** The name's extension without the dot, lower case, or empty. */
  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  public StoredFile withoutGps() {
    return new StoredFile(tenantId, id, ownerId, name, mimeType, kind, size, sha256,
        thumbnailSha256, thumbnailMimeType, width, height, durationMs, exifJson, null, accessType,
        altText, createdAt);
  }
}
