package dev.switchboard.shared;

import java.time.Duration;

/** RATE_LIMITED with the time after which the same attempt may succeed ({@code Retry-After}). */
public class RateLimitExceeded extends DomainException {
  private final Duration retryAfter;

  public RateLimitExceeded(String message, Duration retryAfter) {
    super(ErrorCode.RATE_LIMITED, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds for {@code Retry-After}: rounded up, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
