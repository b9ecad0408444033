package dev.switchboard.conversation;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.ChangeWriter;
import dev.switchboard.shared.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes of a conversation in its change log, inside the transaction that makes them:
 * takes the next change sequence under the conversation's row lock and writes the change. The
 * membership events are described here (their payloads are the contract of docs/realtime.md);
 * other modules describe theirs and record them through {@link #record}. A new message takes its
 * change sequence together with its own in {@link Conversations#advance} instead.
 */
@Component
public class ConversationChanges {
  public static final String MEMBER_JOINED = "member.joined";
  public static final String MEMBER_LEFT = "member.left";
  public static final String READ_UPDATED = "read.updated";

  private final Conversations conversations;
  private final ChangeWriter writer;

  public ConversationChanges(Conversations conversations, ChangeWriter writer) {
    this.conversations = conversations;
    this.writer = writer;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Change record(String tenantId, String conversationId, ChangeEvent event) {
    long changeSeq = conversations.nextChangeSeq(tenantId, conversationId);
    return writer.write(tenantId, conversationId, changeSeq, event);
  }

  void joined(String tenantId, String conversationId, String userId, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", userId);
    data.put("joinedAt", Timestamps.iso(at));
    record(tenantId, conversationId, new ChangeEvent(MEMBER_JOINED, userId, data));
  }

  /** The member is gone; he still hears that he left (or was removed or banned). */
  void left(String tenantId, String conversationId, String userId, LeaveCause cause, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", userId);
    data.put("cause", cause.wireName());
    data.put("leftAt", Timestamps.iso(at));
    record(tenantId, conversationId, new ChangeEvent(MEMBER_LEFT, userId, data));
  }

  void readMoved(String tenantId, String conversationId, String userId, long lastReadSeq) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", userId);
    data.put("lastReadSeq", lastReadSeq);
    record(tenantId, conversationId, ChangeEvent.of(READ_UPDATED, data));
  }
}
