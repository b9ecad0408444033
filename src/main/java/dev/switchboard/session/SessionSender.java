package dev.switchboard.session;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.file.Upload;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.sms.CarrierSetup;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.sms.SmsOutbox;
import dev.switchboard.sms.SmsStatus;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends into sessions: chat messages are core messages of the session's conversation; SMS are
 * core messages too, queued in the SMS outbox in the same transaction (one SMS per remote
 * number), so the message exists exactly when its SMS will be sent.
 */
@Service
public class SessionSender {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageSessions sessions;
  private final SessionResolver resolver;
  private final ConversationService conversations;
  private final ConversationAccess access;
  private final MessageService messages;
  private final SmsNumberService numbers;
  private final SmsOutbox outbox;
  private final CarrierSetup carrier;

  public SessionSender(
      MessageSessions sessions,
      SessionResolver resolver,
      ConversationService conversations,
      ConversationAccess access,
      MessageService messages,
      SmsNumberService numbers,
      SmsOutbox outbox,
      CarrierSetup carrier) {
    this.sessions = sessions;
    this.resolver = resolver;
    this.conversations = conversations;
    this.access = access;
    this.messages = messages;
    this.numbers = numbers;
    this.outbox = outbox;
    this.carrier = carrier;
  }

  /**
   * Sends into the session with this id, creating it when the id is new: a client-minted id
   * must be at least 32 characters of [A-Za-z0-9_].
   */
  @Transactional
  public Message send(Actor actor, String sessionId, SendMessage command) {
    command.validate();
    Optional<SessionRow> existing = resolver.resolve(actor.tenantId(), sessionId);
    SessionRow row;
    if (existing.isPresent()) {
      row = existing.get();
      access.requireMember(actor, row.conversationId());
      if (row.channel() != command.kind().channel()) {
        throw DomainException.invalid(
            "type " + command.kind().wireName() + " does not fit this " + channelName(row)
                + " session");
      }
    } else {
      if (!SessionResolver.CLIENT_ID.matcher(sessionId).matches()) {
        throw DomainException.invalid(
            "messagesession must be at least 32 characters of A-Z, a-z, 0-9 and _");
      }
      row = open(actor, sessionId, command);
    }
    return post(actor, row, command);
  }

  /** Starts (or continues) the session for these destinations; returns its id. */
  @Transactional
  public String start(Actor actor, SendMessage command) {
    command.validate();
    SessionRow row;
    if (command.kind().channel() == SessionChannel.SMS) {
      List<String> remote = remoteNumbers(command);
      row =
          sessions
              .findSms(actor.tenantId(), actor.userId(), command.fromNumber(), remote)
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

  private SessionRow open(Actor actor, String sessionId, SendMessage command) {
    if (command.destinations().isEmpty()) {
      throw DomainException.invalid("destination is required to start a session");
    }
    SessionRow row;
    if (command.kind().channel() == SessionChannel.SMS) {
      checkFromNumber(actor, command.fromNumber());
      Conversation conversation = conversations.createGroup(actor, null, List.of());
      row =
          new SessionRow(
              actor.tenantId(),
              sessionId,
              conversation.id(),
              SessionChannel.SMS,
              command.fromNumber(),
              remoteNumbers(command));
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
  private Conversation chatFor(Actor actor, SendMessage command) {
    if (command.destinations().size() == 1) {
      Conversation direct = conversations.openDirect(actor, command.destinations().getFirst());
      boolean named = !sessions.byConversation(actor.tenantId(), List.of(direct.id())).isEmpty();
      if (!named) {
        return direct;
      }
    }
    return conversations.createGroup(actor, null, command.destinations());
  }

  private Message post(Actor actor, SessionRow row, SendMessage command) {
    if (row.channel() == SessionChannel.CHAT) {
      Message message = store(actor, row, command);
      if (command.media() != null) {
        sessions.insertItem(new SessionItem(actor.tenantId(), message.id(), row.conversationId(),
            command.kind(), "", null, null, null));
      }
      return message;
    }
    if (!carrier.configured()) {
      throw DomainException.conflict("SMS is not available: no SMS carrier is configured");
    }
    if (command.fromNumber() != null && !command.fromNumber().equals(row.smsNumber())) {
      throw DomainException.invalid("from-number must be the session's number " + row.smsNumber());
    }
    checkFromNumber(actor, row.smsNumber());
    outbox.requireCapacity();
    Message message = store(actor, row, command);
    sessions.insertItem(
        new SessionItem(
            actor.tenantId(),
            message.id(),
            row.conversationId(),
            command.kind(),
            SessionItem.TERM,
            row.smsNumber(),
            row.remoteNumbers(),
            SmsStatus.QUEUED.dbValue()));
    // Carriers here are text-only (SMPP has no MMS): the text leaves, the media stays readable
    // in the session (docs/netsapiens.md).
    String text = command.text() == null || command.text().isBlank() ? "[media]" : command.text();
    for (String to : row.remoteNumbers()) {
      outbox.enqueue(actor.tenantId(), message.id(), row.smsNumber(), to, text);
    }
    return message;
  }

  /** The core message: text, or media uploaded through the file module in this transaction. */
  private Message store(Actor actor, SessionRow row, SendMessage command) {
    SendMessage.Media media = command.media();
    if (media == null) {
      return messages
          .post(actor, new PostMessage(row.conversationId(), null, "text", command.text(), null))
          .message();
    }
    String caption = command.text() == null || command.text().isBlank() ? null : command.text();
    return messages
        .post(
            actor,
            new PostMessage(row.conversationId(), null, typeOf(media.mimeType()), caption, null),
            new Upload(new ByteArrayInputStream(media.bytes()), null, media.mimeType()))
        .message();
  }

  private static String typeOf(String mimeType) {
    String type = mimeType == null ? "" : mimeType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("image/") ? "image"
        : type.startsWith("video/") ? "video"
        : type.startsWith("audio/") ? "audio"
        : "file";
  }

  /** The sending number must be the domain's, assigned to the actor or to nobody. */
  private void checkFromNumber(Actor actor, String number) {
    SmsNumber owned;
    try {
      owned = numbers.get(actor.tenantId(), number);
    } catch (DomainException e) {
      throw DomainException.invalid("from-number is not an SMS number of this domain");
    }
    if (owned.userId() != null && !owned.userId().equals(actor.userId())) {
      throw DomainException.forbidden("from-number is assigned to another user");
    }
  }

  private static List<String> remoteNumbers(SendMessage command) {
    return List.copyOf(new TreeSet<>(command.destinations()));
  }

  private static String channelName(SessionRow row) {
    return row.channel() == SessionChannel.SMS ? "SMS" : "chat";
  }

  /** 32 random hex characters, like the ids NetSapiens makes. */
  static String newSessionId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
