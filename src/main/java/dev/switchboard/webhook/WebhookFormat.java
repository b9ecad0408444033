package dev.switchboard.webhook;

import dev.switchboard.feed.Change;
import java.util.Optional;
import java.util.Set;

/**
 * One face's webhook shape, implemented by its dialect: which changes a subscription of that
 * face receives, under which event name, and the JSON body posted for one.
 */
public interface WebhookFormat {
  WebhookFace face();

  /** Every event name a subscription of this face may ask for (empty set: none can be named). */
  Set<String> eventNames();

  /** The NetSapiens-style models this face accepts ({@code message}…); empty when it has none. */
  default Set<String> models() {
    return Set.of();
  }

  /**
   * The face's event name for this change, or empty when the subscription does not receive it.
   * Runs inside the committing transaction: decide from the change alone, read nothing.
   */
  Optional<String> eventFor(Change change, WebhookSubscription subscription);

  /** The body posted for {@code delivery}, rendered when it is posted. */
  String body(WebhookDelivery delivery, Change change, WebhookSubscription subscription);
}
