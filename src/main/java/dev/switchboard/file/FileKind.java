package dev.switchboard.file;

import java.util.Locale;

/** What a file is, from its detected type; dialects render it as their {@code type}. */
public enum FileKind {
  IMAGE,
  VIDEO,
  AUDIO,
  FILE;

  public static FileKind of(String mimeType) {
    String top = mimeType.substring(0, Math.max(0, mimeType.indexOf('/')));
    return switch (top.toLowerCase(Locale.ROOT)) {
      case "image" -> IMAGE;
      case "video" -> VIDEO;
      case "audio" -> AUDIO;
      default -> FILE;
    };
  }
}
