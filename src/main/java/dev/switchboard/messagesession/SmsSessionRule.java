package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.message.KindRule;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Term;
import dev.switchboard.sms.CarrierSetup;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.sms.SmsOutbox;
import dev.switchboard.sms.SmsStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The posting rule of SMS sessions, whichever dialect posts into one: a member's message needs a
 * carrier and the session's number (the domain's, assigned to him or to nobody), and leaves as
 * one SMS per number on the other side, queued in the outbox in the posting transaction — so the
 * message exists exactly when its SMS will be sent. A carrier's inbound message is filed as
 * received from its phone number.
 */
@Component
class SmsSessionRule implements KindRule {
  private final MessageSessions sessions;
  private final SmsNumberService numbers;
  private final SmsOutbox outbox;
  private final CarrierSetup carrier;

  SmsSessionRule(
      MessageSessions sessions, SmsNumberService numbers, SmsOutbox outbox, CarrierSetup carrier) {
    this.sessions = sessions;
    this.numbers = numbers;
    this.outbox = outbox;
    this.carrier = carrier;
  }

  @Override
  public ConversationKind kind() {
    return ConversationKind.SMS;
  }

  @Override
  public void admit(Actor actor, Conversation conversation, PostMessage command) {
    if (command.origin() == PostMessage.Origin.CARRIER) {
      return;
    }
    if (!carrier.configured()) {
      throw DomainException.conflict("SMS is not available: no SMS carrier is configured");
    }
    requireSendingNumber(actor, row(conversation).smsNumber());
    // Refused here, before anything is stored, while the outbox is over its limits.
    outbox.requireCapacity();
  }

  @Override
  public void posted(Actor actor, Conversation conversation, PostMessage command, Message message) {
    SessionRow row = row(conversation);
    MessageKind kind = message.fileId() == null ? MessageKind.SMS : MessageKind.MMS;
    if (command.origin() == PostMessage.Origin.CARRIER) {
      sessions.insertItem(new SessionItem(actor.tenantId(), message.id(), conversation.id(), kind,
          SessionItem.ORIG, actor.userId(), List.of(row.smsNumber()), null));
      return;
    }
    sessions.insertItem(new SessionItem(actor.tenantId(), message.id(), conversation.id(), kind,
        SessionItem.TERM, row.smsNumber(), row.remoteNumbers(), SmsStatus.QUEUED.dbValue()));
    // Carriers here are text-only (SMPP has no MMS): the text leaves, the media stays readable
    // in the session (docs/netsapiens.md).
    String text = message.type() == MessageType.TEXT || message.content() != null
        ? message.content() : "[media]";
    for (String to : row.remoteNumbers()) {
      outbox.enqueue(actor.tenantId(), message.id(), row.smsNumber(), to, text);
    }
  }

  /** The sending number must be the domain's, assigned to the actor or to nobody. */
  void requireSendingNumber(Actor actor, String number) {
    SmsNumber owned;
    try {
      owned = numbers.get(actor.tenantId(), number);
    } catch (DomainException e) {
      throw DomainException.invalid(Term.SMS_NUMBER + " is not an SMS number of this domain");
    }
    if (owned.userId() != null && !owned.userId().equals(actor.userId())) {
      throw DomainException.forbidden(Term.SMS_NUMBER + " is assigned to another user");
    }
  }

  private SessionRow row(Conversation conversation) {
    SessionRow row =
        sessions.byConversation(conversation.tenantId(), List.of(conversation.id())).get(conversation.id());
    if (row == null || row.channel() != SessionChannel.SMS) {
      throw new IllegalStateException("SMS conversation " + conversation.id() + " has no SMS session");
    }
    return row;
  }
}
