package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Posts channel messages: thread replies, tags, metadata, custom data and mentions (the Amity
 * dialect), under the channel's posting rule ({@link MessagePolicy}).
 */
@Service
public class ChannelMessageService {
  private final Messages messages;
  private final MessageAppender appender;
  private final MessagePolicy policy;

  public ChannelMessageService(
      Messages messages,
      MessageAppender appender,
      MessagePolicy policy) {
    this.messages = messages;
    this.appender = appender;
    this.policy = policy;
  }

  /**
   * Posts a channel message in one transaction; with a client id (Amity's messageId), a retry
   * returns the first message.
   */
  public PostedMessage send(Actor actor, SendMessage command) {
    command.validate();
    return appender.idempotently(
        () -> sendInTransaction(actor, command), () -> replay(actor, command));
  }

  private PostedMessage sendInTransaction(Actor actor, SendMessage command) {
    Optional<PostedMessage> replayed = replay(actor, command);
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
      appender.attach(actor, command.fileId(), conversation, command.type());
    }
    MessageDetails details =
        new MessageDetails(command.data(), parentId, command.tags(), command.metadata(),
            command.mentions(), 0, 0, null, false, null);
    Message message =
        appender.append(actor, conversation, command.type(), command.text(), command.clientId(),
            null, command.fileId(), details);
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
  private Optional<PostedMessage> replay(Actor actor, SendMessage command) {
    return appender.replay(
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
}
