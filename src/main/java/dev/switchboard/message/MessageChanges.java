package dev.switchboard.message;

import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.ChangeWriter;
import dev.switchboard.feed.JsonText;
import dev.switchboard.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The message events of the change log and their neutral payloads (the contract of
 * docs/realtime.md and its JSON Schemas), written in the transaction that changes the message.
 */
@Component
public class MessageChanges {
  public static final String CREATED = "message.created";
  public static final String UPDATED = "message.updated";
  public static final String DELETED = "message.deleted";
  public static final String REACTION_ADDED = "reaction.added";
  public static final String REACTION_REMOVED = "reaction.removed";

  /**
   * Why a message was updated ({@code cause} of {@code message.updated}): faces that have an
   * event per cause (Amity's {@code message.flagged} / {@code message.unflagged}) read it instead
   * of guessing from counts.
   */
  public enum UpdateCause {
    EDITED("edited"),
    FLAGGED("flagged"),
    UNFLAGGED("unflagged"),
    FLAGS_CLEARED("flagsCleared");

    private final String wireName;

    UpdateCause(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private final ChangeWriter writer;
  private final ConversationChanges changes;

  MessageChanges(ChangeWriter writer, ConversationChanges changes) {
    this.writer = writer;
    this.changes = changes;
  }

  /**
   * A new message, under the change sequence it took together with its own: the whole message as
   * posted (its text, structured data, metadata, tags, mentions and the sender's client key), so
   * a face can render it without reading it again — nothing else about it exists yet.
   */
  void created(Message m, long changeSeq) {
    Map<String, Object> message = identity(m);
    CreditNote credit = m.credit();
    Map<String, Object> transfer = null;
    if (credit != null) {
      transfer = new LinkedHashMap<>();
      transfer.put("amount", credit.amount());
      transfer.put("senderId", credit.senderId());
      transfer.put("recipientId", credit.recipientId());
    }
    message.put("creditTransfer", transfer);
    message.put("fileId", m.fileId());
    MessageDetails d = m.details();
    message.put("parentId", d.parentId());
    message.put("data", d.data() == null ? null : new JsonText(d.data()));
    message.put("metadata", d.metadata() == null ? null : new JsonText(d.metadata()));
    message.put("tags", d.tags());
    message.put("mentions", d.mentions().stream().map(MessageChanges::mention).toList());
    message.put("clientKey", m.clientKey());
    message.put("createdAt", Timestamps.iso(m.createdAt()));
    writer.write(m.tenantId(), m.conversationId(), changeSeq, ChangeEvent.of(CREATED, Map.of("message", message)));
  }

  /** An edited, flagged or unflagged message as it now is, why it changed and by whom. */
  void updated(Message m, UpdateCause cause, String byUserId) {
    Map<String, Object> data = new LinkedHashMap<>(changed(m));
    data.put("cause", cause.wireName());
    data.put("by", byUserId);
    changes.record(m.tenantId(), m.conversationId(), ChangeEvent.of(UPDATED, data));
  }

  /** A soft-deleted message (content null). */
  void deleted(Message m) {
    changes.record(m.tenantId(), m.conversationId(), ChangeEvent.of(DELETED, changed(m)));
  }

  void reaction(String conversationId, Reaction r, boolean added) {
    Map<String, Object> reaction = new LinkedHashMap<>();
    reaction.put("id", r.id());
    reaction.put("messageId", r.messageId());
    reaction.put("userId", r.userId());
    reaction.put("name", r.name());
    reaction.put("createdAt", Timestamps.iso(r.createdAt()));
    changes.record(
        r.tenantId(),
        conversationId,
        ChangeEvent.of(added ? REACTION_ADDED : REACTION_REMOVED, Map.of("reaction", reaction)));
  }

  private static Map<String, Object> changed(Message m) {
    MessageDetails d = m.details();
    Map<String, Object> message = identity(m);
    message.put("parentId", d.parentId());
    message.put("tags", d.tags());
    message.put("flagCount", d.flagCount());
    message.put("deleted", d.deleted());
    message.put("editedAt", Timestamps.iso(d.editedAt()));
    message.put("updatedAt", Timestamps.iso(m.updatedAt()));
    return Map.of("message", message);
  }

  private static Map<String, Object> mention(Mention mention) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", mention.type().name().toLowerCase(Locale.ROOT));
    out.put("userIds", mention.userIds());
    return out;
  }

  /** The fields every message event starts with. */
  private static Map<String, Object> identity(Message m) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", m.id());
    message.put("conversationId", m.conversationId());
    message.put("seq", m.seq());
    message.put("senderId", m.senderId());
    message.put("type", m.type().wireName());
    message.put("content", m.content());
    return message;
  }
}
