package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorReason;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags: one per user and message; {@code flagCount} counts flaggers. When the channel enables
 * it, the flag that reaches its limit soft-deletes the message in the same transaction.
 */
@Service
public class MessageFlagService {
  private final Messages messages;
  private final MessageFlags flags;
  private final MessageReader reader;
  private final MessageEditing editing;
  private final MessagePolicy policy;
  private final Clock clock;
  private final MessageChanges changes;

  MessageFlagService(
      Messages messages,
      MessageFlags flags,
      MessageReader reader,
      MessageEditing editing,
      MessagePolicy policy,
      Clock clock,
      MessageChanges changes) {
    this.messages = messages;
    this.flags = flags;
    this.reader = reader;
    this.editing = editing;
    this.policy = policy;
    this.clock = clock;
    this.changes = changes;
  }

  @Transactional
  public MessageSnapshot flag(Actor actor, String publicId) {
    Message message = locked(actor, publicId);
    if (!flags.add(actor.tenantId(), message.id(), actor.userId(), clock.instant())) {
      return reader.snapshots(actor, List.of(message)).getFirst();
    }
    Message updated = recount(message, MessageChanges.UpdateCause.FLAGGED, actor.userId());
    Conversation conversation = reader.conversationOf(actor, updated);
    var limit = policy.autoDeleteFlagLimit(actor, conversation);
    if (limit.isPresent() && updated.details().flagCount() >= limit.getAsLong()) {
      updated = editing.erase(updated);
    }
    return reader.snapshots(actor, List.of(updated)).getFirst();
  }

  @Transactional
  public MessageSnapshot unflag(Actor actor, String publicId) {
    Message message = locked(actor, publicId);
    Message updated =
        flags.remove(actor.tenantId(), message.id(), actor.userId())
            ? recount(message, MessageChanges.UpdateCause.UNFLAGGED, actor.userId())
            : message;
    return reader.snapshots(actor, List.of(updated)).getFirst();
  }

  /** Removes every flag; moderators only. */
  @Transactional
  public MessageSnapshot clear(Actor actor, String publicId) {
    Message message = locked(actor, publicId);
    if (!policy.isModerator(actor, reader.conversationOf(actor, message))) {
      throw DomainException.forbidden(ErrorReason.NOT_MEMBER, "Permission denied");
    }
    flags.clear(actor.tenantId(), message.id());
    Message updated =
        message.details().flagCount() == 0
            ? message
            : recount(message, MessageChanges.UpdateCause.FLAGS_CLEARED, actor.userId());
    return reader.snapshots(actor, List.of(updated)).getFirst();
  }

  @Transactional(readOnly = true)
  public boolean isFlaggedBy(Actor actor, String publicId) {
    Message message = reader.readable(actor, publicId);
    return flags
        .flaggers(actor.tenantId(), List.of(message.id()))
        .getOrDefault(message.id(), List.of())
        .contains(actor.userId());
  }

  private Message recount(Message message, MessageChanges.UpdateCause cause, String byUserId) {
    long count =
        flags.flaggers(message.tenantId(), List.of(message.id()))
            .getOrDefault(message.id(), List.of())
            .size();
    messages.setFlagCount(message.tenantId(), message.id(), count);
    MessageDetails d = message.details();
    Message updated =
        message.with(
            message.content(),
            new MessageDetails(d.data(), d.parentId(), d.tags(), d.metadata(), d.mentions(),
                d.childrenCount(), count, d.editedAt(), d.deleted(), d.latestReaction()),
            message.updatedAt());
    changes.updated(updated, cause, byUserId);
    return updated;
  }

  private Message locked(Actor actor, String publicId) {
    Message message = reader.readable(actor, publicId);
    return messages.lock(actor.tenantId(), message.id()).orElseThrow();
  }
}
