package dev.switchboard.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * What a caller asks to subscribe: the face and (NetSapiens) model, the URL, the event names
 * (empty: all), the user filter (empty: all), an expiry (null: never) and who asked.
 */
public record NewWebhook(
    WebhookFace face,
    String model,
    String url,
    Set<String> events,
    String userFilter,
    Instant expiresAt,
    String createdBy) {
  public NewWebhook {
    model = model == null ? "" : model;
    events = events == null ? Set.of() : Set.copyOf(events);
    userFilter = userFilter == null ? "" : userFilter;
  }
}
