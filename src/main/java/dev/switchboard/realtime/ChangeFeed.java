package dev.switchboard.realtime;

import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Violations;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a conversation's change log for one of its members. There is no time window: any
 * position still in the log can be resumed from; a position retention has removed is refused
 * with RESYNC_REQUIRED, never silently skipped.
 */
@Service
public class ChangeFeed {
  public static final int MAX_LIMIT = 1000;

  private final ChangeLog log;
  private final ConversationAccess access;

  public ChangeFeed(ChangeLog log, ConversationAccess access) {
    this.log = log;
    this.access = access;
  }

  /** A page of changes after {@code after}; {@code hasMore} tells whether to ask again. */
  public record Page(List<Change> changes, boolean hasMore) {}

  @Transactional(readOnly = true)
  public Page after(Actor actor, String conversationId, long after, int limit) {
    new Violations()
        .check(after >= 0, "after must be 0 or more")
        .check(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
        .throwIfAny();
    access.requireMember(actor, conversationId);
    return read(actor.tenantId(), conversationId, after, limit);
  }

  /** For the gateway, which has already checked membership for this connection. */
  @Transactional(readOnly = true)
  public Page read(String tenantId, String conversationId, long after, int limit) {
    long compacted = log.compactedThrough(tenantId, conversationId);
    if (after < compacted) {
      throw new DomainException(
          ErrorCode.RESYNC_REQUIRED,
          "Changes up to " + compacted + " were removed by retention; reload the conversation"
              + " and resume from " + compacted);
    }
    List<Change> changes = log.after(tenantId, conversationId, after, limit + 1);
    boolean more = changes.size() > limit;
    return new Page(more ? changes.subList(0, limit) : changes, more);
  }

  /** Messages created in every domain since {@code since} (the operator's dashboard). */
  @Transactional(readOnly = true)
  public long messagesSince(java.time.Instant since) {
    return log.countSince(MessageChanges.CREATED, since);
  }

  @Transactional(readOnly = true)
  public void requireMember(Actor actor, String conversationId) {
    access.requireMember(actor, conversationId);
  }
}
