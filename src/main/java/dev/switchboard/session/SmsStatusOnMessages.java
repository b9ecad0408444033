package dev.switchboard.session;

import dev.switchboard.sms.SmsStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries the outbox's status changes onto the session messages the SMS belong to, in the same
 * transaction, and announces them for the conversation (realtime logs them).
 */
@Component
class SmsStatusOnMessages {
  private final MessageSessions sessions;
  private final ApplicationEventPublisher events;

  SmsStatusOnMessages(MessageSessions sessions, ApplicationEventPublisher events) {
    this.sessions = sessions;
    this.events = events;
  }

  @EventListener
  void on(SmsStatusChanged change) {
    if (change.messageId() == null) {
      return;
    }
    sessions
        .item(change.tenantId(), change.messageId())
        .filter(item -> sessions.updateStatus(item.tenantId(), item.messageId(), status(change)))
        .ifPresent(
            item ->
                events.publishEvent(
                    new MessageStatusChanged(
                        item.tenantId(), item.conversationId(), item.messageId(), status(change))));
  }

  private static String status(SmsStatusChanged change) {
    return change.status().dbValue();
  }
}
