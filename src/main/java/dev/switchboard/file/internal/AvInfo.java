package dev.switchboard.file.internal;

/** What a container header says: duration in milliseconds, and picture size for video. */
record AvInfo(Long durationMs, Integer width, Integer height) {
  static AvInfo audio(long durationMs) {
    return new AvInfo(durationMs, null, null);
  }
}
