package dev.switchboard.api.amity;

import dev.switchboard.api.web.FileUrls;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.StoredFile;
import dev.switchboard.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity's file object (seed 003 {@code files}), side-loaded by payloads and answered by uploads.
 * {@code accessType}: a public file is readable by everyone of the domain ("public"); a private
 * one by its uploader and the members of channels it was posted into, which Amity calls
 * "network" (authenticated, not open to all).
 */
public record AmityFileView(
    String fileId,
    String fileUrl,
    String type,
    String accessType,
    String altText,
    String createdAt,
    String updatedAt,
    Attributes attributes) {

  public record Attributes(
      String name, String extension, long size, String mimeType, Map<String, Object> metadata) {}

  public static AmityFileView of(StoredFile file, FileUrls urls, JsonMapper json) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("exif", file.exifJson() == null ? Map.of() : json.readTree(file.exifJson()));
    metadata.put(
        "gps",
        file.gps() == null
            ? Map.of()
            : Map.of("latitude", file.gps().latitude(), "longitude", file.gps().longitude()));
    metadata.put("height", file.height());
    metadata.put("width", file.width());
    if (file.durationMs() != null) {
      metadata.put("duration", file.durationMs() / 1000.0);
    }
    metadata.put("isFull", true);
    String created = Timestamps.iso(file.createdAt());
    return new AmityFileView(
        file.id(),
        urls.file(file.id()),
        file.kind().name().toLowerCase(Locale.ROOT),
        file.accessType() == AccessType.PUBLIC ? "public" : "network",
        file.altText(),
        created,
        created,
        new Attributes(file.name(), file.extension(), file.size(), file.mimeType(), metadata));
  }
}
