package dev.switchboard.webhook;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt, wait between half and all of
 * {@code min(max, initial * 2^(n-1))} — the spread keeps endpoints that failed together from
 * being retried together.
 */
public record RetrySchedule(Duration initial, Duration max, DoubleSupplier random) {
  public Duration delay(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 30);
    long millis = initial.toMillis();
    long ceiling = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
    long capped = Math.min(ceiling, max.toMillis());
    double factor = 0.5 + 0.5 * random.getAsDouble();
    return Duration.ofMillis(Math.max(1, (long) (capped * factor)));
  }
}
