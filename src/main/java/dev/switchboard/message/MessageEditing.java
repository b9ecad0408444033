package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Term;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits and soft deletes. Only the author or a moderator of the channel may do either; a
 * deleted message keeps its row, sequence number and thread place but loses its content.
 */
@Service
public class MessageEditing {
  private final Messages messages;
  private final MessageReader reader;
  private final MessagePolicy policy;
  private final Clock clock;
  private final MessageChanges changes;

  MessageEditing(
      Messages messages,
      MessageReader reader,
      MessagePolicy policy,
      Clock clock,
      MessageChanges changes) {
    this.messages = messages;
    this.reader = reader;
    this.policy = policy;
    this.clock = clock;
    this.changes = changes;
  }

  @Transactional
  public MessageSnapshot edit(Actor actor, String publicId, EditMessage edit) {
    edit.validate();
    Message message = lockedForChange(actor, publicId);
    if (message.deleted()) {
      throw DomainException.invalid("a deleted message cannot be edited");
    }
    if (edit.text() != null && message.type() != MessageType.TEXT) {
      throw DomainException.invalid(Term.TEXT + " can only be edited on a text message");
    }
    Instant now = clock.instant();
    MessageDetails d = message.details();
    MessageDetails details =
        d.edited(
            edit.data() == null ? d.data() : edit.data(),
            edit.tags() == null ? d.tags() : edit.tags(),
            edit.metadata() == null ? d.metadata() : edit.metadata(),
            edit.mentions() == null ? d.mentions() : edit.mentions(),
            now);
    Message edited =
        message.with(edit.text() == null ? message.content() : edit.text(), details, now);
    messages.update(edited);
    changes.updated(edited, MessageChanges.UpdateCause.EDITED, actor.userId());
    return reader.snapshots(actor, java.util.List.of(edited)).getFirst();
  }

  @Transactional
  public MessageSnapshot delete(Actor actor, String publicId) {
    Message message = lockedForChange(actor, publicId);
    return reader.snapshots(actor, java.util.List.of(erase(message))).getFirst();
  }

  /** Soft-deletes a locked message (no-op when already deleted) and announces it. */
  Message erase(Message message) {
    if (message.deleted()) {
      return message;
    }
    Instant now = clock.instant();
    Message erased = message.with(null, message.details().erased(now), now);
    messages.update(erased);
    changes.deleted(erased);
    return erased;
  }

  private Message lockedForChange(Actor actor, String publicId) {
    Message found = reader.readable(actor, publicId);
    Conversation conversation = reader.conversationOf(actor, found);
    if (!found.senderId().equals(actor.userId()) && !policy.isModerator(actor, conversation)) {
      throw DomainException.forbidden("Only the author or a moderator may change this message");
    }
    return messages.lock(actor.tenantId(), found.id()).orElseThrow();
  }
}
