package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.file.Upload;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Term;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends into message sessions: finds or opens the session (its conversation and, for SMS, its
 * numbers), then posts the message through {@link MessageService#post} like every other dialect;
 * the SMS session's own rule ({@link SmsSessionRule}) sends SMS through the outbox.
 */
@Service
public class SessionSender {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageSessions sessions;
  private final SessionResolver resolver;
  private final ConversationService conversations;
  private final ConversationAccess access;
  private final MessageService messages;
  private final SmsSessionRule smsRule;

  SessionSender(
      MessageSessions sessions,
      SessionResolver resolver,
      ConversationService conversations,
      ConversationAccess access,
      MessageService messages,
      SmsSessionRule smsRule) {
    this.sessions = sessions;
    this.resolver = resolver;
    this.conversations = conversations;
    this.access = access;
    this.messages = messages;
    this.smsRule = smsRule;
  }

  /**
   * Sends into the session with this id, creating it when the id is new: a client-minted id
   * must be at least 32 characters of [A-Za-z0-9_].
   */
  @Transactional
  public Message send(Actor actor, String sessionId, SessionSend command) {
    command.validate();
    Optional<SessionRow> existing = resolver.resolve(actor.tenantId(), sessionId);
    SessionRow row;
    if (existing.isPresent()) {
      row = existing.get();
      if (row.channel() != command.kind().channel()) {
        // Only members learn what kind of session it is.
        access.requireMember(actor, row.conversationId());
        throw DomainException.invalid(
            Term.MESSAGE_TYPE + " " + command.kind().wireName() + " does not fit this "
                + (row.channel() == SessionChannel.SMS ? "SMS" : "chat") + " session");
      }
    } else {
      if (!SessionResolver.CLIENT_ID.matcher(sessionId).matches()) {
        throw DomainException.invalid(
            Term.CONVERSATION_ID + " must be at least 32 characters of A-Z, a-z, 0-9 and _");
      }
      row = open(actor, sessionId, command);
    }
    return post(actor, row, command);
  }

  /** Starts (or continues) the session for these destinations; returns its id. */
  @Transactional
  public String start(Actor actor, SessionSend command) {
    command.validate();
    SessionRow row;
    if (command.kind().channel() == SessionChannel.SMS) {
      row =
          sessions
              .findSms(actor.tenantId(), actor.userId(), command.fromNumber(), remoteNumbers(command))
              .orElseGet(() -> open(actor, newSessionId(), command));
    } else if (command.destinations().size() == 1) {
      Conversation direct = conversations.openDirect(actor, command.destinations().getFirst());
      row = resolver.ofConversation(actor.tenantId(), direct.id());
    } else {
      row = open(actor, newSessionId(), command);
    }
    post(actor, row, command);
    return row.id();
  }

  private SessionRow open(Actor actor, String sessionId, SessionSend command) {
    if (command.destinations().isEmpty()) {
      throw DomainException.invalid(Term.RECIPIENT_ID + " is required to start a session");
    }
    SessionRow row;
    if (command.kind().channel() == SessionChannel.SMS) {
      smsRule.requireSendingNumber(actor, command.fromNumber());
      row =
          new SessionRow(actor.tenantId(), sessionId, conversations.createSms(actor).id(),
              SessionChannel.SMS, command.fromNumber(), remoteNumbers(command));
    } else {
      row = new SessionRow(actor.tenantId(), sessionId, chatFor(actor, command).id(),
          SessionChannel.CHAT, null, null);
    }
    if (!sessions.insert(row)) {
      throw DomainException.conflict("message session " + sessionId + " already exists");
    }
    return row;
  }

  /**
   * One destination: the direct chat of the pair, unless it already carries another session id
   * (then a separate two-member group). Several: a new group.
   */
  private Conversation chatFor(Actor actor, SessionSend command) {
    if (command.destinations().size() == 1) {
      Conversation direct = conversations.openDirect(actor, command.destinations().getFirst());
      boolean named = !sessions.byConversation(actor.tenantId(), List.of(direct.id())).isEmpty();
      if (!named) {
        return direct;
      }
    }
    return conversations.createGroup(actor, null, command.destinations());
  }

  /** The session's message, through the one send path. */
  private Message post(Actor actor, SessionRow row, SessionSend command) {
    if (command.fromNumber() != null && row.channel() == SessionChannel.SMS
        && !command.fromNumber().equals(row.smsNumber())) {
      throw DomainException.invalid(
          Term.SMS_NUMBER + " must be the session's number " + row.smsNumber());
    }
    SessionSend.Media media = command.media();
    String text = command.text() == null || command.text().isBlank() ? null : command.text();
    PostMessage.Builder post = PostMessage.to(new ConversationRef.Id(row.conversationId()));
    if (media == null) {
      post.type(MessageType.TEXT).text(command.text());
    } else {
      post.type(typeOf(media.mimeType())).text(text)
          .upload(new Upload(new ByteArrayInputStream(media.bytes()), null, media.mimeType()));
    }
    return messages.post(actor, post.build()).message();
  }

  private static MessageType typeOf(String mimeType) {
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    return type.startsWith("image/") ? MessageType.IMAGE
        : type.startsWith("video/") ? MessageType.VIDEO
        : type.startsWith("audio/") ? MessageType.AUDIO
        : MessageType.FILE;
  }

  private static List<String> remoteNumbers(SessionSend command) {
    return List.copyOf(new TreeSet<>(command.destinations()));
  }

  /** 32 random hex characters, like the ids NetSapiens makes. */
  static String newSessionId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
