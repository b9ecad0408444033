package dev.switchboard.feed;

import java.time.Instant;
import java.util.Collection;
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

  /**
   * The oldest change sequence in {@code (after, upTo]} logged at or after {@code since}, or
   * {@code upTo} when there is none: where a gateway connection that started at {@code since}
   * begins a conversation whose first notice it got is {@code upTo}.
   */
  long oldestSince(String tenantId, String conversationId, long after, long upTo, Instant since);

  /** The highest change sequence removed by retention (0 when nothing was). */
  long compactedThrough(String tenantId, String conversationId);

  /** Removes changes created before {@code cutoff}, remembering how far each log was cut. */
  int compactOlderThan(Instant cutoff);

  /**
   * Erasure: removes the content, file, data, metadata, tags and mentions of one sender's
   * messages from the message changes of these conversations; every change keeps its position
   * and event, so the log stays gap-free for clients resuming from before it. Returns how many
   * changes were rewritten.
   */
  int eraseSender(String tenantId, Collection<String> conversationIds, String senderId);

  /** Changes of {@code event} logged at or after {@code since}, in every domain. */
  long countSince(String event, Instant since);

  /** The newest change sequence of the conversation (0 before any change). */
  long lastChangeSeq(String tenantId, String conversationId);

  /**
   * What a node needs to catch up with the changes logged at or after {@code since}, in every
   * domain, without reading them all: the newest change of every conversation changed since then,
   * and every membership change (one with a subject) since then. Ordered by domain, conversation
   * and change sequence. Receivers read the rest of each log from their own position.
   */
  List<Change> headsSince(Instant since);
}
