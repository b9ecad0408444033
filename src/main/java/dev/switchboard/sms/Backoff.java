package dev.switchboard.sms;

import java.time.Duration;

/** Exponential backoff: {@code initial}, then doubling after each failure, never above {@code max}. */
public record Backoff(Duration initial, Duration max) {
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
  }

  /** The wait after the {@code failures}-th consecutive failure (1-based). */
  public Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1");
    }
    // Beyond 2^30 any realistic initial delay is past the cap: stop doubling before overflow.
    int doublings = Math.min(failures - 1, 30);
    long millis = initial.toMillis();
    long scaled = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
    return scaled >= max.toMillis() ? max : Duration.ofMillis(scaled);
  }
}
