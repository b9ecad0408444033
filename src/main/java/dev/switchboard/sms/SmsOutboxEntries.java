package dev.switchboard.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for the SMS outbox. Every change of status is a conditional update on the
 * expected current status (and, while sending, on the claim token), so two workers or two
 * nodes can race for the same row and exactly one wins; the methods say whether this caller won.
 * The scans for due, abandoned and settled rows serve every tenant: the worker and the sweeper
 * work for all of them.
 */
public interface SmsOutboxEntries {
  void insert(SmsOutboxEntry entry);

  Optional<SmsOutboxEntry> find(String tenantId, String id);

  /** Queued entries whose next attempt is due, oldest due first, across all tenants. */
  List<SmsOutboxEntry> due(Instant now, int limit);

  /** queued and due → sending, attempts + 1, held by {@code token} until {@code leaseUntil}. */
  boolean claim(String tenantId, String id, String token, Instant now, Instant leaseUntil);

  /**
   * sending (held by token) → sent, recording the carrier's id for each segment. Also from
   * unknown while the token still matches: the sweeper gave up on a sender that then answered.
   */
  boolean markSent(
      String tenantId, String id, String token, List<String> carrierMessageIds, int segments,
      Instant now);

  /** sending (held by token) → queued again, due at {@code nextAttemptAt}. */
  boolean requeue(String tenantId, String id, String token, Instant nextAttemptAt, String error,
      Instant now);

  /** sending (held by token) → failed. */
  boolean fail(String tenantId, String id, String token, String error, Instant now);

  /** sending (held by token) → unknown: the carrier may have it; never resent on its own. */
  boolean markUnknown(String tenantId, String id, String token, String error, Instant now);

  /** Entries still sending after their lease ran out: their worker died or hung. */
  List<SmsOutboxEntry> expiredLeases(Instant now, int limit);

  /**
   * sending with an expired lease → unknown. The claim token stays, so the sender, should it
   * still answer, can record what the carrier said ({@link #markSent}).
   */
  boolean abandon(String tenantId, String id, String error, Instant now);

  /** The entry's status, its row locked until the transaction ends: receipts settle one by one. */
  Optional<SmsStatus> lockStatus(String tenantId, String id);

  /** sent → delivered or failed. */
  boolean settle(String tenantId, String id, SmsStatus outcome, String error, Instant now);

  /** The domain's entries in {@code status} (null: any), newest first, paged. */
  List<SmsOutboxEntry> list(String tenantId, SmsStatus status, int limit, long offset);

  long count(String tenantId, SmsStatus status);

  /** Entries in {@code status} in every domain (the operator's outbox depth). */
  long countInStatus(SmsStatus status);

  /** queued → failed with {@code reason}: an operator's cancel (a sending entry is not stopped). */
  boolean cancel(String tenantId, String id, String reason, Instant now);

  /** Sent entries whose segments are all settled, or one failed: a receipt that did not finish. */
  List<SmsOutboxEntry> sentWithSettledParts(int limit);

  /**
   * failed or unknown → queued, due now, its earlier segments forgotten (their receipts no longer
   * find it): an operator chose to send it again.
   */
  boolean retry(String tenantId, String id, String note, Instant now);

  /** Entries per unsettled status, the oldest due queued one's wait, the unmatched receipts. */
  OutboxLoad load(Instant now);
}
