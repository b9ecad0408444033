package dev.switchboard.file;

import java.text.Normalizer;

/**
 * Client-supplied names are kept for display and downloads only. They lose any directory part,
 * control and reserved characters, and are bounded in length; they never name anything stored.
 */
public final class FileNames {
  static final int MAX_LENGTH = 200;

  private FileNames() {}

  public static String sanitize(String declared, String fallback) {
    if (declared == null) {
      return fallback;
    }
    String name = Normalizer.normalize(declared, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0)
        .forEach(clean::appendCodePoint);
    name = clean.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      return fallback;
    }
    if (name.length() > MAX_LENGTH) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
      name = name.substring(0, MAX_LENGTH - ext.length()) + ext;
    }
    return name;
  }
}
