package dev.switchboard.message;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions: one per (user, name, message). Adding one twice returns the first; the message row
 * lock serializes reactions on one message so counts and the latest reaction agree.
 */
@Service
public class MessageReactionService {
  public static final int MAX_PAGE = 100;

  private final Messages messages;
  private final MessageReactions reactions;
  private final MessageReader reader;
  private final Ids ids;
  private final Clock clock;
  private final MessageChanges changes;

  MessageReactionService(
      Messages messages,
      MessageReactions reactions,
      MessageReader reader,
      Ids ids,
      Clock clock,
      MessageChanges changes) {
    this.messages = messages;
    this.reactions = reactions;
    this.reader = reader;
    this.ids = ids;
    this.clock = clock;
    this.changes = changes;
  }

  @Transactional
  public Reaction add(Actor actor, String publicMessageId, String name) {
    validate(name);
    Message message = locked(actor, publicMessageId);
    var existing = reactions.find(actor.tenantId(), message.id(), actor.userId(), name);
    if (existing.isPresent()) {
      return existing.get();
    }
    Reaction reaction =
        new Reaction(actor.tenantId(), ids.next(), message.id(), actor.userId(), name, clock.instant());
    reactions.add(reaction);
    changed(message, reaction, true);
    return reaction;
  }

  @Transactional
  public Reaction remove(Actor actor, String publicMessageId, String name) {
    validate(name);
    Message message = locked(actor, publicMessageId);
    Reaction reaction =
        reactions
            .find(actor.tenantId(), message.id(), actor.userId(), name)
            .orElseThrow(() -> DomainException.notFound("reaction"));
    reactions.remove(actor.tenantId(), reaction.id());
    changed(message, reaction, false);
    return reaction;
  }

  /** Who reacted (optionally with {@code name}), oldest first, after reaction {@code afterId}. */
  @Transactional(readOnly = true)
  public List<Reaction> reactors(
      Actor actor, String publicMessageId, String name, String afterId, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw DomainException.invalid("limit must be between 1 and " + MAX_PAGE);
    }
    Message message = reader.readable(actor, publicMessageId);
    return reactions.list(actor.tenantId(), message.id(), name, afterId, limit);
  }

  private void changed(Message message, Reaction reaction, boolean added) {
    messages.setLatestReaction(
        message.tenantId(),
        message.id(),
        new LatestReaction(reaction.id(), reaction.name(), reaction.userId(), added, clock.instant()));
    changes.reaction(message.conversationId(), reaction, added);
  }

  private Message locked(Actor actor, String publicMessageId) {
    Message message = reader.readable(actor, publicMessageId);
    return messages.lock(actor.tenantId(), message.id()).orElseThrow();
  }

  private static void validate(String name) {
    new Violations()
        .notBlank("reactionName", name)
        .maxLength("reactionName", name, Reaction.MAX_NAME)
        .throwIfAny();
  }
}
