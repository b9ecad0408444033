package dev.switchboard.file;

/** Bytes {@code first..last} of a blob, both inclusive, as HTTP ranges count them. */
public record ByteRange(long first, long last) {
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
    }
  }

  public long length() {
    return last - first + 1;
  }
}
