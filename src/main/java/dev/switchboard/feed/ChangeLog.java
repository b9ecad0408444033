package dev.switchboard.feed;

import java.time.Instant;
import java.util.List;

/**
 * Storage port for the per-conversation change logs. Change sequences are taken by the
 * conversation's owner under its row lock (see {@code Conversations.advance}), in the same
 * transaction that appends.
 */
public interface ChangeLog {
  /** Appends a change under a sequence number taken in the current transaction. */
  Change append(String tenantId, String conversationId, long changeSeq, ChangeEvent event, Instant at);

  /** Changes with {@code changeSeq > after}, oldest first, at most {@code limit}. */
  List<Change> after(String tenantId, String conversationId, long after, int limit);

  /** The highest change sequence removed by retention (0 when nothing was). */
  long compactedThrough(String tenantId, String conversationId);

  /** Removes changes created before {@code cutoff}, remembering how far each log was cut. */
  int compactOlderThan(Instant cutoff);
}
