package dev.switchboard.ratelimit;

import java.time.Duration;

/** The answer to one attempt: allowed, or refused until {@code retryAfter} has passed. */
public record Verdict(boolean allowed, Duration retryAfter) {
  public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

  public static Verdict refused(Duration retryAfter) {
    return new Verdict(false, retryAfter);
  }

  /** Whole seconds to announce in {@code Retry-After}: rounded up, at least 1. */
  public long retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
