package dev.switchboard.message;

import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationMembers;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Standing;
import dev.switchboard.idempotency.IdempotentRequest;
import dev.switchboard.idempotency.IdempotentRequests;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posting and reading messages. {@link #post} is the one way a message is written, for every
 * dialect and for the modules that write messages of their own (a credit transfer's note, an
 * inbound SMS); see docs/architecture.md for the whole path.
 */
@Service
public class MessageService {
  private final Messages messages;
  private final Conversations conversations;
  private final ConversationService conversationService;
  private final ConversationAccess access;
  private final MessageWriter writer;
  private final IdempotentRequests requests;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;
  private final ApplicationEventPublisher events;
  private final Map<ConversationKind, KindRule> rules = new EnumMap<>(ConversationKind.class);

  MessageService(
      Messages messages,
      Conversations conversations,
      ConversationService conversationService,
      ConversationAccess access,
      MessageWriter writer,
      IdempotentRequests requests,
      PlatformTransactionManager transactions,
      List<KindRule> kindRules,
      ApplicationEventPublisher events) {
    this.events = events;
    this.messages = messages;
    this.conversations = conversations;
    this.conversationService = conversationService;
    this.access = access;
    this.writer = writer;
    this.requests = requests;
    this.transaction = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    kindRules.forEach(rule -> rules.put(rule.kind(), rule));
  }

  /**
   * Posts a message in a transaction of its own, or in the caller's: validates the command,
   * replays an earlier message with the same client key, finds or opens the conversation, applies
   * the posting rule of its kind, writes the message and its change, and after commit the change
   * is fanned out. A concurrent post with the same client key that commits first is answered with
   * that message: in its own transaction this post rolls back and replays in a new one; in the
   * caller's, it rolls back to a savepoint taken before its writes (two more round trips, paid
   * only there) and replays.
   */
  public PostedMessage post(Actor actor, PostMessage command) {
    command.validate();
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return postWithin(actor, command);
    }
    try {
      return transaction.execute(status -> replay(actor, command).orElseGet(() -> write(actor, command)));
    } catch (ClientKeyTaken raced) {
      return transaction.execute(status -> winner(actor, command, raced));
    }
  }

  private PostedMessage postWithin(Actor actor, PostMessage command) {
    Optional<PostedMessage> replayed = replay(actor, command);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    if (command.clientKey() == null) {
      return write(actor, command);
    }
    try {
      // NESTED: a savepoint before the writes, rolled back to when the key's race is lost.
      return savepoint.execute(status -> write(actor, command));
    } catch (ClientKeyTaken raced) {
      return winner(actor, command, raced);
    }
  }

  /** The message of the post that won the client key's race (committed: the insert saw it). */
  private PostedMessage winner(Actor actor, PostMessage command, ClientKeyTaken raced) {
    return replay(actor, command)
        .orElseThrow(() -> new IllegalStateException("client key race without a winner", raced));
  }

  /**
   * {@link #post} once per {@code Idempotency-Key} of the actor (null: no key): a retry gets the
   * first request's message, or its refusal, again (see {@link IdempotentRequests}). Call it
   * outside any transaction; the post gets its own.
   */
  public PostedMessage post(Actor actor, PostMessage command, String idempotencyKey) {
    IdempotentRequest request =
        IdempotentRequest.of(actor.tenantId(), actor.userId(), "message.post", idempotencyKey,
            command.target(), command.directPeer(), command.type(), command.text(),
            command.data(), command.storedFileId(), uploadName(command), command.parentId(),
            command.tags(), command.metadata(), command.mentions(), command.clientKey());
    // The post runs inside once()'s transaction: this call does not go through the proxy.
    IdempotentRequests.Outcome<PostedMessage> outcome =
        requests.once(
            request,
            () -> post(actor, command),
            posted -> posted.message().id(),
            id -> new PostedMessage(
                messages.findByPublicId(actor.tenantId(), id, actor.userId()).orElseThrow(), true, null));
    return outcome.value();
  }

  private static String uploadName(PostMessage command) {
    return command.attachment() instanceof PostMessage.Attachment.Uploaded u
        ? u.upload().declaredName() + "|" + u.upload().declaredMimeType()
        : null;
  }

  private PostedMessage write(Actor actor, PostMessage command) {
    Standing standing = target(actor, command);
    Conversation conversation = standing.conversation();
    KindRule rule = rules.get(conversation.kind());
    if (rule != null) {
      rule.admit(actor, conversation, command);
    }
    Message message = writer.write(actor, conversation, command);
    if (rule != null) {
      rule.posted(actor, conversation, command, message);
    }
    events.publishEvent(new MessagePosted(message));
    return new PostedMessage(message, false, standing);
  }

  /** The conversation to post into, once the posting rule of every kind has let the actor in. */
  private Standing target(Actor actor, PostMessage command) {
    if (command.origin() == PostMessage.Origin.CARRIER) {
      // An SMS from outside: its sender is a phone number, not a member of the session.
      String id = ((ConversationRef.Id) command.target()).value();
      return conversations
          .standing(actor.tenantId(), command.target(), actor.userId())
          .filter(s -> s.conversation().kind() == ConversationKind.SMS)
          .orElseThrow(() -> new IllegalStateException("no SMS session conversation " + id));
    }
    Standing standing = conversationService.openForPosting(actor, command.target());
    if (command.directPeer() != null && !isDirectWith(actor, standing.conversation(), command.directPeer())) {
      throw DomainException.invalid(
          "{RECIPIENT_ID} does not match the {CONVERSATION} given by {CONVERSATION_ID}");
    }
    return standing;
  }

  private boolean isDirectWith(Actor actor, Conversation conversation, String otherUserId) {
    return conversation.kind() == ConversationKind.DIRECT
        && !actor.userId().equals(otherUserId)
        && conversations.member(actor.tenantId(), conversation.id(), otherUserId).isPresent();
  }

  /** The earlier message with the same client key; the same key for another message is a conflict. */
  private Optional<PostedMessage> replay(Actor actor, PostMessage command) {
    if (command.clientKey() == null) {
      return Optional.empty();
    }
    return messages
        .findByClientKey(actor.tenantId(), actor.userId(), command.clientKey())
        .map(
            earlier -> {
              if (!sameMessage(actor, earlier, command)) {
                throw DomainException.conflict(
                    "{CLIENT_KEY} was already used for a different message");
              }
              return new PostedMessage(earlier, true, null);
            });
  }

  private boolean sameMessage(Actor actor, Message earlier, PostMessage command) {
    boolean sameConversation =
        switch (command.target()) {
          case ConversationRef.Id id -> earlier.conversationId().equals(id.value());
          case ConversationRef.ChannelKey key ->
              conversations.standing(actor.tenantId(), key, actor.userId())
                  .map(s -> s.conversation().id().equals(earlier.conversationId()))
                  .orElse(false);
          case ConversationRef.DirectWith direct -> true;
        };
    return sameConversation
        && earlier.type() == command.type()
        && java.util.Objects.equals(earlier.content(), command.text())
        && java.util.Objects.equals(earlier.details().data(), command.data())
        && (command.storedFileId() == null || command.storedFileId().equals(earlier.fileId()));
  }

  /**
   * A page of history, newest first. Pages map to sequence ranges, so no OFFSET scan. Two
   * statements on one connection: the access check, which reads the members too, and the page
   * (its messages' tags only when some of them have any).
   */
  @Transactional(readOnly = true)
  public ChatHistory history(Actor actor, String conversationId, PageRequest page) {
    ConversationMembers seen = access.requireMemberAmong(actor, conversationId);
    Conversation conversation = seen.conversation();
    long total = conversation.lastSeq();
    long toSeq = total - page.offset();
    long fromSeq = Math.max(0, toSeq - page.limit());
    List<Message> list =
        toSeq <= 0 ? List.of() : messages.range(actor.tenantId(), conversationId, fromSeq, toSeq);
    return new ChatHistory(conversation, seen.members(), list, total);
  }

  /** The newest message of each of the given conversations (for chat lists). */
  @Transactional(readOnly = true)
  public List<Message> latest(Actor actor, List<String> conversationIds) {
    return conversationIds.isEmpty() ? List.of() : messages.latest(actor.tenantId(), conversationIds);
  }
}
