package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.Upload;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class MessageService {
  private final Messages messages;
  private final Conversations conversations;
  private final ConversationAccess access;
  private final ConversationService conversationService;
  private final FileService files;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final MessagePolicy policy;

  public MessageService(
      Messages messages,
      Conversations conversations,
      ConversationAccess access,
      ConversationService conversationService,
      FileService files,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      MessagePolicy policy) {
    this.messages = messages;
    this.conversations = conversations;
    this.access = access;
    this.conversationService = conversationService;
    this.files = files;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.tx = new TransactionTemplate(transactionManager);
    this.policy = policy;
  }

  /**
   * Posts a message in one transaction. With a client id, a retry returns the first message: a
   * sequential retry finds it up front; a concurrent one loses the unique-key race, rolls back
   * (its sequence number too, so no gap) and replays here.
   */
  public PostedMessage post(Actor actor, PostMessage command) {
    MessageType type = command.validate();
    return idempotently(actor, command, () -> postInTransaction(actor, command, type, null));
  }

  /**
   * Posts a media message together with its file: the upload is inspected and recorded in the
   * message's transaction, so a refused message leaves no file row behind. A replay of an
   * earlier message (same client id) does not store the new upload.
   */
  public PostedMessage post(Actor actor, PostMessage command, Upload upload) {
    MessageType type = command.validateWithUpload();
    return idempotently(actor, command, () -> postInTransaction(actor, command, type, upload));
  }

  private PostedMessage idempotently(
      Actor actor, PostMessage command, Supplier<PostedMessage> work) {
    try {
      return tx.execute(status -> work.get());
    } catch (ClientIdAlreadyUsed raced) {
      return tx.execute(
          status ->
              replay(actor, command)
                  .orElseThrow(() -> new IllegalStateException("client id race without winner")));
    }
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
      attach(actor, fileId, conversation, type);
    }
    return new PostedMessage(
        append(actor, conversation, type, command.content(), command.clientId(), null, fileId,
            MessageDetails.NONE),
        false);
  }

  /**
   * Posts a channel message (thread parent, tags, metadata, mentions) in one transaction, with
   * the same client-id idempotency as {@link #post}, concurrent retries included.
   */
  public PostedMessage send(Actor actor, SendMessage command) {
    command.validate();
    try {
      return tx.execute(status -> sendInTransaction(actor, command));
    } catch (ClientIdAlreadyUsed raced) {
      return tx.execute(
          status ->
              replaySend(actor, command)
                  .orElseThrow(() -> new IllegalStateException("client id race without winner")));
    }
  }

  private PostedMessage sendInTransaction(Actor actor, SendMessage command) {
    Optional<PostedMessage> replayed = replaySend(actor, command);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Conversation conversation = policy.requirePoster(actor, command.conversationId());
    String parentId = null;
    if (command.parentId() != null) {
      Message parent =
          messages
              .findByPublicId(actor.tenantId(), command.parentId(), actor.userId())
              .filter(p -> p.conversationId().equals(conversation.id()))
              .orElseThrow(
                  () -> DomainException.invalid("parentId must be a message of the same channel"));
      parentId = parent.id();
      messages.incrementChildren(actor.tenantId(), parentId);
    }
    if (command.fileId() != null) {
      attach(actor, command.fileId(), conversation, command.type());
    }
    MessageDetails details =
        new MessageDetails(command.data(), parentId, command.tags(), command.metadata(),
            command.mentions(), 0, 0, null, false, null);
    Message message =
        append(actor, conversation, command.type(), command.text(), command.clientId(), null,
            command.fileId(), details);
    mention(actor, conversation, command.mentions(), message.seq());
    return new PostedMessage(message, false);
  }

  private void mention(Actor actor, Conversation conversation, List<Mention> mentions, long seq) {
    boolean everyone = mentions.stream().anyMatch(m -> m.type() == Mention.Type.CHANNEL);
    List<String> users =
        mentions.stream()
            .filter(m -> m.type() == Mention.Type.USER)
            .flatMap(m -> m.userIds().stream())
            .distinct()
            .toList();
    if (everyone || !users.isEmpty()) {
      policy.mentioned(actor, conversation, users, everyone, seq);
    }
  }

  /** The earlier message with this client id; a different message under it is a conflict. */
  private Optional<PostedMessage> replaySend(Actor actor, SendMessage command) {
    return replay(
        actor,
        command.clientId(),
        earlier ->
            earlier.conversationId().equals(command.conversationId())
                && earlier.type() == command.type()
                && Objects.equals(earlier.content(), command.text())
                && Objects.equals(earlier.details().data(), command.data())
                && Objects.equals(earlier.fileId(), command.fileId()),
        "messageId was already used for a different message");
  }

  /** Shares the file into the conversation, after checking it is what the type promises. */
  private void attach(Actor actor, String fileId, Conversation conversation, MessageType type) {
    StoredFile file = files.share(actor, fileId, conversation.id());
    if (!type.accepts(file.kind())) {
      throw DomainException.invalid(
          "type " + type.wireName() + " does not match the file, which is " + file.mimeType());
    }
  }

  /**
   * Writes the message announcing a credit transfer into the direct chat of sender and
   * recipient. Runs inside the wallet's transaction, so money and message commit together.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Message recordCreditTransfer(Actor sender, String recipientId, long amount) {
    Conversation direct = conversationService.openDirect(sender, recipientId);
    CreditNote note = new CreditNote(amount, sender.userId(), recipientId);
    return append(
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
    return append(
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

  private Message append(
      Actor actor,
      Conversation conversation,
      MessageType type,
      String content,
      String clientId,
      CreditNote credit,
      String fileId,
      MessageDetails details) {
    Instant now = clock.instant();
    long seq = conversations.nextSeq(actor.tenantId(), conversation.id(), now);
    Message message =
        new Message(
            actor.tenantId(),
            ids.next(),
            conversation.id(),
            seq,
            actor.userId(),
            type,
            content,
            clientId,
            credit,
            fileId,
            now,
            now,
            details);
    messages.insert(message);
    events.publishEvent(new MessagePosted(message));
    return message;
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
    return replay(
        actor,
        command.clientId(),
        earlier ->
            Objects.equals(earlier.content(), command.content())
                && earlier.type().wireName().equals(command.type())
                && (command.conversationId() == null
                    || earlier.conversationId().equals(command.conversationId())),
        "Idempotency-Key was already used for a different message");
  }

  private Optional<PostedMessage> replay(
      Actor actor, String clientId, Predicate<Message> sameRequest, String conflict) {
    if (clientId == null) {
      return Optional.empty();
    }
    return messages
        .findByClientId(actor.tenantId(), actor.userId(), clientId)
        .map(
            earlier -> {
              if (!sameRequest.test(earlier)) {
                throw DomainException.conflict(conflict);
              }
              return new PostedMessage(earlier, true);
            });
  }
}
