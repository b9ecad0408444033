package dev.switchboard.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A change to a subscription; null fields stay as they are. {@code status} ACTIVE reactivates
 * a suspended subscription (from then on it collects new events again).
 */
public record WebhookChange(
    String url, Set<String> events, String userFilter, Instant expiresAt, SubscriptionStatus status) {}
