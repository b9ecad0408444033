package dev.switchboard.webhook;

import java.time.Instant;

/**
 * One event for one subscription: the change it carries ({@code conversationId}, {@code
 * changeSeq}), its state and its attempts. {@code id} is the event id a receiver dedupes by; it
 * is the same on every attempt.
 */
public record WebhookDelivery(
    String tenantId,
    String id,
    String subscriptionId,
    String conversationId,
    long changeSeq,
    String event,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  public static WebhookDelivery queued(
      String tenantId, String id, String subscriptionId, String conversationId, long changeSeq,
      String event, Instant now) {
    return new WebhookDelivery(tenantId, id, subscriptionId, conversationId, changeSeq, event,
        DeliveryStatus.QUEUED, 0, now, null, null, now, now);
  }
}
