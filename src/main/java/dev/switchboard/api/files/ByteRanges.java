package dev.switchboard.api.files;

import dev.switchboard.file.ByteRange;

/**
 * Reads a single-range {@code Range: bytes=…} header (RFC 9110 §14) against a known size. A header
 * this server does not serve partially (malformed, another unit, several ranges) is ignored and
 * the whole content is sent, as the RFC allows; a well-formed range past the end is refused.
 */
final class ByteRanges {
  /** What to send: everything ({@code range} null), one range, or 416. */
  record Decision(ByteRange range, boolean satisfiable) {
    static final Decision WHOLE = new Decision(null, true);
    static final Decision UNSATISFIABLE = new Decision(null, false);
  }

  private ByteRanges() {}

  static Decision decide(String header, long size) {
    if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
      return Decision.WHOLE;
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (spec.contains(",") || dash < 0) {
      return Decision.WHOLE;
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    if (!digits(first) && !(first.isEmpty() && digits(last))) {
      return Decision.WHOLE;
    }
    if (!last.isEmpty() && !digits(last)) {
      return Decision.WHOLE;
    }
    try {
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        return suffix == 0 || size == 0
            ? Decision.UNSATISFIABLE
            : new Decision(new ByteRange(Math.max(0, size - suffix), size - 1), true);
      }
      long from = Long.parseLong(first);
      long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (!last.isEmpty() && Long.parseLong(last) < from) {
        return Decision.WHOLE;
      }
      return from >= size ? Decision.UNSATISFIABLE : new Decision(new ByteRange(from, to), true);
    } catch (NumberFormatException tooLong) {
      return Decision.WHOLE;
    }
  }

  private static boolean digits(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
