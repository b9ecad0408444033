package dev.switchboard.api.files;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} with a safe file name (RFC 6266): an ASCII-only {@code filename}
 * for old clients and the exact name in {@code filename*} (RFC 8187 percent-encoding). No quote,
 * backslash or control character from a stored name can break out of the header.
 */
final class ContentDispositions {
  private static final String ATTR_CHARS =
      "!#$&+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private ContentDispositions() {}

  static String of(boolean inline, String fileName) {
    StringBuilder fallback = new StringBuilder();
    fileName.codePoints()
        .forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
            ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      if (ATTR_CHARS.indexOf(b) >= 0) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return (inline ? "inline" : "attachment")
        + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
