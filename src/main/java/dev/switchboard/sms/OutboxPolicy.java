package dev.switchboard.sms;

import java.time.Duration;

/**
 * How the outbox worker and its sweeper behave.
 *
 * @param pollInterval pause between two polls when nothing is due
 * @param maxAttempts attempts before an entry that keeps failing transiently is failed
 * @param initialBackoff wait after the first transient failure; doubles after each next one
 * @param lease how long a claim holds; must exceed twice the longest submit (every segment's
 *     response timeout), since a claimed SMS may wait for a place in the window behind another;
 *     a sender still holding an SMS after it is presumed dead (the SMS becomes unknown)
 * @param sweepInterval how often the sweeper repairs (abandoned claims, unsettled SMS, receipts)
 * @param unmatchedReceiptTtl how long a receipt that matches no SMS is kept before it is dropped
 */
public record OutboxPolicy(
    Duration pollInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration lease,
    Duration sweepInterval,
    Duration unmatchedReceiptTtl) {
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
