package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileService;
import dev.switchboard.file.Upload;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat messages: posting text and media into direct and group chats (the Allmine and NetSapiens
 * dialects), the messages other modules write in their own transactions (credit transfers,
 * inbound SMS), and history pages. Channel messages are {@link ChannelMessageService}'s.
 */
@Service
public class MessageService {
  private final Messages messages;
  private final Conversations conversations;
  private final ConversationAccess access;
  private final ConversationService conversationService;
  private final FileService files;
  private final MessageAppender appender;

  public MessageService(
      Messages messages,
      Conversations conversations,
      ConversationAccess access,
      ConversationService conversationService,
      FileService files,
      MessageAppender appender) {
    this.messages = messages;
    this.conversations = conversations;
    this.access = access;
    this.conversationService = conversationService;
    this.files = files;
    this.appender = appender;
  }

  /** Posts a message in one transaction; with a client id, a retry returns the first message. */
  public PostedMessage post(Actor actor, PostMessage command) {
    MessageType type = command.validate();
    return appender.idempotently(
        () -> postInTransaction(actor, command, type, null), () -> replay(actor, command));
  }

  /**
   * Posts a media message together with its file: the upload is inspected and recorded in the
   * message's transaction, so a refused message leaves no file row behind. A replay of an
   * earlier message (same client id) does not store the new upload.
   */
  public PostedMessage post(Actor actor, PostMessage command, Upload upload) {
    MessageType type = command.validateWithUpload();
    return appender.idempotently(
        () -> postInTransaction(actor, command, type, upload), () -> replay(actor, command));
  }

  private PostedMessage postInTransaction(
      Actor actor, PostMessage command, MessageType type, Upload upload) {
    Optional<PostedMessage> replayed = replay(actor, command);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Conversation conversation = resolveConversation(actor, command);
    String fileId = command.fileId();
    if (upload != null) {
      fileId =
          files
              .upload(actor, upload.content(), upload.declaredName(), upload.declaredMimeType(),
                  AccessType.PRIVATE, null)
              .id();
    }
    if (fileId != null) {
      appender.attach(actor, fileId, conversation, type);
    }
    return new PostedMessage(
        appender.append(actor, conversation, type, command.content(), command.clientId(), null,
            fileId, MessageDetails.NONE),
        false);
  }

  /**
   * Writes the message announcing a credit transfer into the direct chat of sender and
   * recipient. Runs inside the wallet's transaction, so money and message commit together.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Message recordCreditTransfer(Actor sender, String recipientId, long amount) {
    Conversation direct = conversationService.openDirect(sender, recipientId);
    CreditNote note = new CreditNote(amount, sender.userId(), recipientId);
    return appender.append(
        sender, direct, MessageType.CREDIT_TRANSFER, null, null, note, null, MessageDetails.NONE);
  }

  /**
   * Records a text that arrived from outside (an inbound SMS): {@code senderId} is the external
   * address (a phone number), not a user. Runs in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Message recordExternal(
      String tenantId, String conversationId, String senderId, String content) {
    Conversation conversation =
        conversations
            .find(tenantId, conversationId)
            .orElseThrow(() -> DomainException.notFound("chat"));
    Actor external = new Actor(tenantId, "", senderId, Scope.BASIC_USER);
    return appender.append(
        external, conversation, MessageType.TEXT, content, null, null, null, MessageDetails.NONE);
  }

  /** A page of history, newest first. Pages map to sequence ranges, so no OFFSET scan. */
  @Transactional(readOnly = true)
  public ChatHistory history(Actor actor, String conversationId, PageRequest page) {
    Conversation conversation = access.requireMember(actor, conversationId);
    long total = conversation.lastSeq();
    long toSeq = total - page.offset();
    long fromSeq = Math.max(0, toSeq - page.limit());
    List<Message> list =
        toSeq <= 0 ? List.of() : messages.range(actor.tenantId(), conversationId, fromSeq, toSeq);
    List<Member> members = conversations.members(actor.tenantId(), conversationId);
    return new ChatHistory(conversation, members, list, total);
  }

  /** The newest message of each of the given conversations (for chat lists). */
  @Transactional(readOnly = true)
  public List<Message> latest(Actor actor, List<String> conversationIds) {
    return conversationIds.isEmpty() ? List.of() : messages.latest(actor.tenantId(), conversationIds);
  }

  private Conversation resolveConversation(Actor actor, PostMessage command) {
    if (command.conversationId() == null) {
      return conversationService.openDirect(actor, command.targetUserId());
    }
    Conversation conversation = access.requireMember(actor, command.conversationId());
    if (command.targetUserId() != null && !isDirectWith(actor, conversation, command.targetUserId())) {
      throw DomainException.invalid("targetUserId does not match the chat given by chatId");
    }
    return conversation;
  }

  private boolean isDirectWith(Actor actor, Conversation conversation, String otherUserId) {
    return conversation.kind() == ConversationKind.DIRECT
        && !actor.userId().equals(otherUserId)
        && conversations.member(actor.tenantId(), conversation.id(), otherUserId).isPresent();
  }

  /** The earlier message with the same client id; the same key for another request is a conflict. */
  private Optional<PostedMessage> replay(Actor actor, PostMessage command) {
    return appender.replay(
        actor,
        command.clientId(),
        earlier ->
            Objects.equals(earlier.content(), command.content())
                && earlier.type().wireName().equals(command.type())
                && (command.conversationId() == null
                    || earlier.conversationId().equals(command.conversationId())),
        "Idempotency-Key was already used for a different message");
  }
}
