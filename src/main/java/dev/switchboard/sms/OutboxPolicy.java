package dev.switchboard.sms;

import java.time.Duration;

/**
 * How the outbox worker behaves.
 *
 * @param pollInterval pause between two polls for due entries
 * @param maxAttempts attempts before an entry that keeps failing transiently is failed
 * @param initialBackoff wait after the first transient failure; doubles after each next one
 * @param lease how long a claim holds; must exceed the longest submit (all segments' timeouts)
 */
public record OutboxPolicy(
    Duration pollInterval, int maxAttempts, Duration initialBackoff, Duration lease) {
  /** No retry waits longer than this, however many attempts were made. */
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);

  public OutboxPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public Backoff backoff() {
    return new Backoff(initialBackoff, MAX_BACKOFF);
  }
}
