package dev.switchboard.file.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's magic-byte detection, fed the bytes only: no file name, no declared type, so a client
 * cannot talk its way into a type. Type comparisons go through Tika's registry, which knows
 * aliases ({@code audio/wav} = {@code audio/vnd.wave}) and subtypes ({@code audio/vorbis} is an
 * {@code audio/ogg}).
 */
public final class MimeDetector {
  private final Tika tika;
  private final MediaTypeRegistry registry;

  public MimeDetector() {
    MimeTypes types = MimeTypes.getDefaultMimeTypes();
    this.tika = new Tika(types);
    this.registry = types.getMediaTypeRegistry();
  }

  public String detect(Path file) throws IOException {
    String detected;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      detected = tika.detect(in);
    }
    return refine(file, detected);
  }

  /**
   * Where tika-core's magic stops short: it names only {@code mp41}/{@code mp42} brands MP4 (the
   * common {@code isom} files come out as QuickTime), and its Opus pattern does not match real
   * Opus streams. The first header bytes settle both.
   */
  private static String refine(Path file, String detected) throws IOException {
    if (!detected.equals("video/quicktime") && !detected.equals("application/ogg")) {
      return detected;
    }
    byte[] head = new byte[36];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, head.length);
      String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
      if (detected.equals("video/quicktime") && text.startsWith("ftyp", 4)
          && !text.startsWith("qt  ", 8)) {
        return "video/mp4";
      }
      if (detected.equals("application/ogg") && text.startsWith("OpusHead", 28)) {
        return "audio/opus";
      }
      return detected;
    }
  }

  /**
   * Whether a declared type names the detected one: the same type, an alias, or one a subtype of
   * the other ({@code audio/ogg} for Vorbis; {@code video/mp4} for what Tika calls QuickTime).
   */
  public boolean agrees(String declared, String detected) {
    MediaType declaredType = parse(declared);
    MediaType detectedType = parse(detected);
    return declaredType != null && (isA(detectedType, declaredType) || isA(declaredType, detectedType));
  }

  /** Whether the detected type is one of the allowed types or a subtype of one. */
  public boolean allowed(String detected, Collection<String> allowedTypes) {
    MediaType type = parse(detected);
    return allowedTypes.stream().map(MimeDetector::parse).anyMatch(a -> a != null && isA(type, a));
  }

  private boolean isA(MediaType type, MediaType expected) {
    MediaType normalized = registry.normalize(type);
    MediaType target = registry.normalize(expected);
    return normalized.equals(target) || registry.isSpecializationOf(normalized, target);
  }

  private static MediaType parse(String type) {
    MediaType parsed = type == null ? null : MediaType.parse(type.strip().toLowerCase(Locale.ROOT));
    return parsed == null ? null : parsed.getBaseType();
  }
}
