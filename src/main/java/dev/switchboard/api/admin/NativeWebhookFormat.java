package dev.switchboard.api.admin;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.Change;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.messagesession.SmsStatusOnMessages;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookFormat;
import dev.switchboard.webhook.WebhookSubscription;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Native webhooks: every change-log event under its own name (docs/realtime.md) — messages,
 * credit transfers ({@code message.created} of type credit_transfer), SMS delivery statuses
 * ({@code message.status}), reactions, members and read cursors — with the change's neutral
 * data as realtime clients receive it.
 */
@Component
class NativeWebhookFormat implements WebhookFormat {
  static final Set<String> EVENTS = Set.of(MessageChanges.CREATED, MessageChanges.UPDATED,
      MessageChanges.DELETED, MessageChanges.REACTION_ADDED, MessageChanges.REACTION_REMOVED,
      SmsStatusOnMessages.MESSAGE_STATUS, ConversationChanges.MEMBER_JOINED,
      ConversationChanges.MEMBER_LEFT, ConversationChanges.READ_UPDATED);

  private final JsonMapper json;

  NativeWebhookFormat(JsonMapper json) {
    this.json = json;
  }

  /** The posted body: the event id (also the webhook-id header), its name, when, and data. */
  record NativeWebhookBody(
      String id,
      String type,
      String timestamp,
      String conversationId,
      long changeSeq,
      @JsonRawValue String data) {}

  @Override
  public WebhookFace face() {
    return WebhookFace.NATIVE;
  }

  @Override
  public Set<String> eventNames() {
    return EVENTS;
  }

  @Override
  public Optional<String> eventFor(Change change, WebhookSubscription subscription) {
    return EVENTS.contains(change.event()) ? Optional.of(change.event()) : Optional.empty();
  }

  @Override
  public String body(WebhookDelivery delivery, Change change, WebhookSubscription subscription) {
    return json.writeValueAsString(new NativeWebhookBody(delivery.id(), change.event(),
        Timestamps.iso(change.createdAt()), change.conversationId(), change.changeSeq(),
        change.payload()));
  }
}
