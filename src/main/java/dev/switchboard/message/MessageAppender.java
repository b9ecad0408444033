package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every way of posting shares: the transaction that absorbs a concurrent retry and,
 * inside the caller's transaction, taking the conversation's next sequence number and writing
 * the message (announced as {@link MessagePosted}), sharing an attached file, and finding the
 * earlier message of a retry.
 */
@Component
class MessageAppender {
  private final Messages messages;
  private final Conversations conversations;
  private final FileService files;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  MessageAppender(
      Messages messages,
      Conversations conversations,
      FileService files,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager) {
    this.messages = messages;
    this.conversations = conversations;
    this.files = files;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /**
   * Runs {@code work} (which starts with {@code replay}) in one transaction. A sequential retry
   * under the same client id finds the first message up front; a concurrent one loses the
   * unique-key race, rolls back (its sequence number too, so no gap) and replays here.
   */
  PostedMessage idempotently(
      Supplier<PostedMessage> work, Supplier<Optional<PostedMessage>> replay) {
    try {
      return tx.execute(status -> work.get());
    } catch (ClientIdAlreadyUsed raced) {
      return tx.execute(
          status ->
              replay.get()
                  .orElseThrow(() -> new IllegalStateException("client id race without winner")));
    }
  }

  Message append(
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

  /** Shares the file into the conversation, after checking it is what the type promises. */
  void attach(Actor actor, String fileId, Conversation conversation, MessageType type) {
    StoredFile file = files.share(actor, fileId, conversation.id());
    if (!type.accepts(file.kind())) {
      throw DomainException.invalid(
          "type " + type.wireName() + " does not match the file, which is " + file.mimeType());
    }
  }

  /**
   * The sender's earlier message under {@code clientId}, if any; one that is not the same
   * request ({@code sameRequest}) is a conflict.
   */
  Optional<PostedMessage> replay(
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
