package dev.switchboard.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for subscriptions; every read and write names its tenant but {@link #all}. */
public interface WebhookSubscriptions {
  /** False when a subscription of the same face, model, URL and user exists (a duplicate). */
  boolean insert(WebhookSubscription subscription, String secret);

  Optional<WebhookSubscription> find(String tenantId, String id);

  /** The domain's subscriptions of one face, oldest first. */
  List<WebhookSubscription> list(String tenantId, WebhookFace face);

  /** Every domain's subscriptions of one face (a NetSapiens Super User's view), at most limit. */
  List<WebhookSubscription> all(WebhookFace face, int limit);

  /** The domain's active subscriptions, every face: read for each transaction with changes. */
  List<WebhookSubscription> active(String tenantId);

  int count(String tenantId);

  /** Replaces the changeable fields; false when gone or when it would duplicate another. */
  boolean update(WebhookSubscription changed);

  boolean delete(String tenantId, String id);

  /** Removes the subscriptions about one user (user filter), or every one of the domain (null). */
  int deleteAll(String tenantId, String userFilter);

  /** The subscription with its signing secret, read by the dispatcher for each post. */
  Optional<WebhookEndpoint> endpoint(String tenantId, String id);

  /** Counts one attempt ({@code posts-count}) and, when it failed, one error with its reason. */
  void recordAttempt(String tenantId, String id, boolean failed, String error, Instant now);

  /** Active to suspended; false when it was not active. */
  boolean suspend(String tenantId, String id, String reason, Instant now);

  /** How many subscriptions are in each status, every domain (for the gauges). */
  long countByStatus(SubscriptionStatus status);
}
