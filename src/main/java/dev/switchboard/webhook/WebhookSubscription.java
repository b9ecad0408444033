package dev.switchboard.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A subscription as stored, without its secret (which only the dispatcher reads, through {@link
 * WebhookSubscriptions#secret}). {@code model} is NetSapiens' model ({@code message}, {@code
 * messagesession}) or empty; {@code events} empty means every event of the face; {@code
 * userFilter} empty means every conversation of the domain, else only those the user is in.
 */
public record WebhookSubscription(
    String tenantId,
    String id,
    WebhookFace face,
    String model,
    String url,
    Set<String> events,
    String userFilter,
    SubscriptionStatus status,
    Instant expiresAt,
    String createdBy,
    long postsCount,
    long errorCount,
    String lastError,
    Instant suspendedAt,
    Instant createdAt,
    Instant updatedAt) {
  public WebhookSubscription {
    events = Set.copyOf(events);
  }

  /** Whether it collects events at {@code now}: active and not expired. */
  public boolean collecting(Instant now) {
    return status == SubscriptionStatus.ACTIVE && (expiresAt == null || expiresAt.isAfter(now));
  }

  public boolean wants(String event) {
    return events.isEmpty() || events.contains(event);
  }
}
