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
  /**
   * How far before its first notice a connection looks for changes it has not been sent: notices
   * of commits that ran at once can arrive in any order, and no more commits than that run at
   * once in one conversation (each waits for its row lock; requests are bounded by the server's
   * threads).
   */
  public static final int REORDERING = 64;

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

  /**
   * The position a gateway connection that started following at {@code since} takes in a
   * conversation whose first notice on it is change {@code firstNotice}: just before the oldest
   * change logged since then. That notice need not be the first change committed since: another
   * commit's notice may still be on its way, and starting at {@code firstNotice - 1} would drop it
   * as old. Changes logged before {@code since} are the client's to load (or resume from); when
   * none in the window was logged since, the start is the notice itself, never past it: its
   * timestamp is another node's clock, and skipping a change that only looks old would lose it
   * for a client that never resumes (ADR 0028).
   */
  @Transactional(readOnly = true)
  public long startFor(String tenantId, String conversationId, long firstNotice, java.time.Instant since) {
    if (firstNotice <= 1) {
      return 0; // a new conversation's first change: nothing can precede it
    }
    long after = Math.max(0, firstNotice - 1 - REORDERING);
    return log.oldestSince(tenantId, conversationId, after, firstNotice, since) - 1;
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
