package dev.switchboard.file;

import java.util.regex.Pattern;

/** The only shape a blob key may have: 64 lowercase hex digits (a SHA-256). */
public final class BlobKeys {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private BlobKeys() {}

  public static boolean isKey(String candidate) {
    return candidate != null && SHA256.matcher(candidate).matches();
  }

  /** Refuses anything else before it can reach a file system path or an object key. */
  public static String require(String candidate) {
    if (!isKey(candidate)) {
      throw new IllegalArgumentException("not a blob key");
    }
    return candidate;
  }
}
