package dev.switchboard.message;

import java.time.Instant;
import java.util.List;

/**
 * What a message carries beyond its text: a structured {@code data} payload (JSON object text,
 * e.g. a custom message), the thread parent, tags, free-form {@code metadata} (JSON object text),
 * mentions, and the counters and states that change after posting. JSON stays text here: the
 * core stores it, dialects parse and render it.
 */
public record MessageDetails(
    String data,
    String parentId,
    List<String> tags,
    String metadata,
    List<Mention> mentions,
    long childrenCount,
    long flagCount,
    Instant editedAt,
    boolean deleted,
    LatestReaction latestReaction) {
  public static final MessageDetails NONE =
      new MessageDetails(null, null, List.of(), null, List.of(), 0, 0, null, false, null);

  public MessageDetails {
    tags = tags == null ? List.of() : List.copyOf(tags);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  public MessageDetails edited(
      String newData, List<String> newTags, String newMetadata, List<Mention> newMentions, Instant at) {
    return new MessageDetails(newData, parentId, newTags, newMetadata, newMentions, childrenCount,
        flagCount, at, deleted, latestReaction);
  }

  /** Soft delete: content goes, the row, its sequence number and its thread place stay. */
  public MessageDetails erased(Instant at) {
    return new MessageDetails(null, parentId, List.of(), null, List.of(), childrenCount,
        flagCount, at, true, latestReaction);
  }
}
