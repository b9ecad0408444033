package dev.switchboard.message;

import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Violations;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's side of messages: read any conversation of a domain, the queue of flagged
 * messages, delete a message, erase everything a user wrote. Deletes go through the same soft
 * delete as a moderator's ({@link MessageEditing}), so clients hear of them alike.
 */
@Service
public class MessageModeration {
  public static final int MAX_PAGE = 100;
  private static final int ERASE_BATCH = 500;

  private final Messages messages;
  private final OperatorMessages operatorMessages;
  private final MessageFlags flags;
  private final MessageEditing editing;
  private final ChangeLog changeLog;

  public MessageModeration(
      Messages messages,
      OperatorMessages operatorMessages,
      MessageFlags flags,
      MessageEditing editing,
      ChangeLog changeLog) {
    this.messages = messages;
    this.operatorMessages = operatorMessages;
    this.flags = flags;
    this.editing = editing;
    this.changeLog = changeLog;
  }

  /**
   * Up to {@code limit} messages of a conversation before sequence {@code beforeSeq} (null: the
   * newest), newest first. Sequences are dense, so the page is one range read.
   */
  @Transactional(readOnly = true)
  public List<Message> history(String tenantId, String conversationId, long lastSeq, Long beforeSeq, int limit) {
    new Violations()
        .check(limit >= 1 && limit <= MAX_PAGE, "limit must be between 1 and " + MAX_PAGE)
        .check(beforeSeq == null || beforeSeq >= 1, "before must be 1 or more")
        .throwIfAny();
    long to = beforeSeq == null ? lastSeq : Math.min(lastSeq, beforeSeq - 1);
    return to <= 0 ? List.of() : messages.range(tenantId, conversationId, Math.max(0, to - limit), to);
  }

  /** A page of the flagged, undeleted messages of a domain and their total. */
  public record Queue(List<FlaggedMessage> messages, long total) {}

  @Transactional(readOnly = true)
  public Queue flagged(String tenantId, PageRequest page) {
    List<Message> list = operatorMessages.flagged(tenantId, page.limit(), page.offset());
    Map<String, List<String>> flaggers =
        flags.flaggers(tenantId, list.stream().map(Message::id).toList());
    return new Queue(
        list.stream()
            .map(m -> new FlaggedMessage(m, m.details().flagCount(),
                flaggers.getOrDefault(m.id(), List.of())))
            .toList(),
        operatorMessages.countFlagged(tenantId));
  }

  /** Soft-deletes a message of the domain (content gone, place kept); deleting twice is harmless. */
  @Transactional
  public Message delete(String tenantId, String messageId) {
    Message locked =
        messages.lock(tenantId, messageId).orElseThrow(() -> DomainException.notFound("message"));
    return editing.erase(locked);
  }

  /**
   * Soft-deletes every message the user sent, in the caller's transaction, and has every other
   * copy of their content scrubbed; returns in how many conversations.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int eraseAuthoredBy(String tenantId, String userId) {
    Set<String> conversations = new LinkedHashSet<>();
    String after = null;
    List<String> batch;
    do {
      batch = operatorMessages.undeletedBy(tenantId, userId, after, ERASE_BATCH);
      for (String id : batch) {
        messages.lock(tenantId, id).map(editing::erase)
            .ifPresent(m -> conversations.add(m.conversationId()));
      }
      after = batch.isEmpty() ? after : batch.getLast();
    } while (batch.size() == ERASE_BATCH);
    // Earlier erasures (or deletes) may have left copies in conversations with nothing left now.
    conversations.addAll(operatorMessages.conversationsOf(tenantId, userId));
    changeLog.eraseSender(tenantId, conversations, userId);
    return conversations.size();
  }
}
