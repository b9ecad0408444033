package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import dev.switchboard.sms.InboundSmsReceived;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files an inbound SMS into the SMS session of the receiving number's user with the sender,
 * opening one when there is none. Runs inside the transaction that received the SMS, so if
 * filing fails the carrier is not acknowledged and delivers it again.
 */
@Component
class InboundSmsSessions {
  private static final Logger log = LoggerFactory.getLogger(InboundSmsSessions.class);

  private final MessageSessions sessions;
  private final ConversationService conversations;
  private final MessageService messages;
  private final TenantService tenants;
  private final UserService users;

  InboundSmsSessions(
      MessageSessions sessions,
      ConversationService conversations,
      MessageService messages,
      TenantService tenants,
      UserService users) {
    this.sessions = sessions;
    this.conversations = conversations;
    this.messages = messages;
    this.tenants = tenants;
    this.users = users;
  }

  @EventListener
  void on(InboundSmsReceived sms) {
    if (sms.userId() == null) {
      log.info("Inbound SMS to {} kept by no session: the number is assigned to no user", sms.to());
      return;
    }
    List<String> remote = List.of(sms.from());
    SessionRow row =
        sessions
            .findSms(sms.tenantId(), sms.userId(), sms.to(), remote)
            .orElseGet(() -> open(sms, remote));
    // The sender is the phone number, not a user: the SMS session's rule files it as received.
    Actor sender = new Actor(sms.tenantId(), "", sms.from(), Scope.BASIC_USER);
    messages.post(sender, PostMessage.inbound(row.conversationId(), sms.text()));
  }

  private SessionRow open(InboundSmsReceived sms, List<String> remote) {
    Tenant tenant = tenants.findById(sms.tenantId()).orElseThrow();
    Optional<User> user = users.find(sms.tenantId(), sms.userId());
    Actor owner =
        new Actor(tenant.id(), tenant.name(), sms.userId(), user.orElseThrow().scope());
    Conversation conversation = conversations.createSms(owner);
    SessionRow row =
        new SessionRow(
            sms.tenantId(),
            SessionSender.newSessionId(),
            conversation.id(),
            SessionChannel.SMS,
            sms.to(),
            remote);
    sessions.insert(row);
    return row;
  }
}
