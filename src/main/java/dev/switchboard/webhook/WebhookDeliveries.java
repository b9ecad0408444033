package dev.switchboard.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Storage port for the delivery outbox. Claims are conditional updates, so of several nodes
 * racing for a delivery exactly one wins; only the holder of the claim token may finish it.
 */
public interface WebhookDeliveries {
  void insertAll(Collection<WebhookDelivery> deliveries);

  /**
   * Queued deliveries due at {@code now}, oldest change first, leaving out any whose
   * subscription still has an earlier change of the same conversation queued or sending (so
   * each conversation's changes reach each endpoint in order).
   */
  default List<WebhookDelivery> due(Instant now, int limit) {
    return due(now, limit, Set.of());
  }

  /**
   * As {@link #due(Instant, int)}, leaving out the subscriptions in {@code skip} (endpoints with
   * no free place on this node, whose backlog need not be read again).
   */
  List<WebhookDelivery> due(Instant now, int limit, Set<String> skip);

  /** queued to sending, for {@code leaseUntil}; false when another node claimed it first. */
  boolean claim(String tenantId, String id, String token, Instant now, Instant leaseUntil);

  boolean delivered(String tenantId, String id, String token, int statusCode, Instant now);

  /** Back to queued, due at {@code nextAttemptAt}. */
  boolean retry(String tenantId, String id, String token, Instant nextAttemptAt,
      Integer statusCode, String error, Instant now);

  boolean fail(String tenantId, String id, String token, Integer statusCode, String error,
      Instant now);

  /** Fails every queued delivery of a subscription (it was suspended); returns how many. */
  int failQueued(String tenantId, String subscriptionId, String error, Instant now);

  /** Sending deliveries whose lease ran out (their node died) go back to queued; how many. */
  int releaseExpired(Instant now);

  /** A subscription's deliveries, newest first, at most {@code limit}. */
  List<WebhookDelivery> recent(String tenantId, String subscriptionId, int limit);

  /** How many deliveries are in {@code status}, every domain (for the gauges). */
  long countByStatus(DeliveryStatus status);

  /** Removes delivered and failed deliveries last updated before {@code cutoff}. */
  int purgeSettled(Instant cutoff);
}
