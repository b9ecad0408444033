package dev.switchboard.sms;

import java.time.Duration;
import java.util.Map;

/**
 * How full the outbox is, across all tenants.
 *
 * @param depth entries per unsettled status (queued, sending, sent, unknown)
 * @param oldestDueWait how long the oldest due queued entry has waited since it became due;
 *     zero when none is waiting (entries backing off after a failure are not due yet)
 * @param unmatchedReceipts receipts kept until their SMS is known
 */
public record OutboxLoad(Map<SmsStatus, Long> depth, Duration oldestDueWait, long unmatchedReceipts) {
  public static final OutboxLoad EMPTY = new OutboxLoad(Map.of(), Duration.ZERO, 0);

  public OutboxLoad {
    depth = Map.copyOf(depth);
  }

  public long depth(SmsStatus status) {
    return depth.getOrDefault(status, 0L);
  }
}
