package dev.switchboard.realtime;

import java.time.Instant;
import java.util.List;

/** Storage port for the per-conversation change log. */
public interface ChangeLog {
  /**
   * Appends a change with the next change sequence of the conversation, taken under the
   * conversation row lock: must run inside the transaction that makes the change.
   */
  Change append(String tenantId, String conversationId, String event, String payload, Instant at);

  /** Changes with {@code changeSeq > after}, oldest first, at most {@code limit}. */
  List<Change> after(String tenantId, String conversationId, long after, int limit);

  /** The highest change sequence removed by retention (0 when nothing was). */
  long compactedThrough(String tenantId, String conversationId);

  /** Removes changes created before {@code cutoff}, remembering how far each log was cut. */
  int compactOlderThan(Instant cutoff);

  /** Message changes of one conversation whose payload contains {@code text}, oldest first. */
  List<Change> messageChangesContaining(String tenantId, String conversationId, String text);

  /** Replaces the payload of one change (erasure): its position and event stay. */
  void rewrite(String tenantId, String conversationId, long changeSeq, String payload);

  /** Changes of {@code event} logged at or after {@code since}, in every domain. */
  long countSince(String event, Instant since);

  /** The newest change sequence of the conversation (0 before any change). */
  long lastChangeSeq(String tenantId, String conversationId);
}
