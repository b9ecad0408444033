package dev.switchboard.messagesession;

import dev.switchboard.sms.SmsStatusChanged;
import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.ChangeEvent;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries the outbox's status changes onto the session messages the SMS belong to, in the same
 * transaction, and logs them as the conversation's {@code message.status} changes.
 */
@Component
public class SmsStatusOnMessages {
  /** The delivery status of a message sent as SMS: queued, sending, sent, delivered, failed. */
  public static final String MESSAGE_STATUS = "message.status";

  private final MessageSessions sessions;
  private final ConversationChanges changes;

  SmsStatusOnMessages(MessageSessions sessions, ConversationChanges changes) {
    this.sessions = sessions;
    this.changes = changes;
  }

  @EventListener
  void on(SmsStatusChanged change) {
    if (change.messageId() == null) {
      return;
    }
    sessions
        .item(change.tenantId(), change.messageId())
        .filter(item -> sessions.updateStatus(item.tenantId(), item.messageId(), status(change)))
        .ifPresent(item -> changes.record(item.tenantId(), item.conversationId(), ChangeEvent.of(
            MESSAGE_STATUS, Map.of("messageId", item.messageId(), "status", status(change)))));
  }

  private static String status(SmsStatusChanged change) {
    return change.status().dbValue();
  }
}
