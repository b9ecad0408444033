package dev.switchboard.message;

import java.util.List;

/**
 * A filtered slice of one conversation's messages by sequence number. {@code parentId} lists one
 * thread; {@code topLevelOnly} lists messages that are not replies. {@code hasFlag} and {@code
 * deleted} are three-valued (null: both). Messages must carry every tag of {@code tags} and none
 * of {@code excludeTags}. The slice is {@code afterSeq < seq < beforeSeq} (nulls: unbounded); with
 * {@code newestFirst} the {@code limit} messages nearest to {@code beforeSeq} are taken.
 */
public record MessageQuery(
    String conversationId,
    MessageType type,
    String parentId,
    boolean topLevelOnly,
    Boolean hasFlag,
    Boolean deleted,
    List<String> tags,
    List<String> excludeTags,
    Long afterSeq,
    Long beforeSeq,
    int limit,
    boolean newestFirst) {
  public MessageQuery {
    tags = tags == null ? List.of() : List.copyOf(tags);
    excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
  }

  public MessageQuery slice(Long after, Long before, int size, boolean fromNewest) {
    return new MessageQuery(conversationId, type, parentId, topLevelOnly, hasFlag, deleted, tags,
        excludeTags, after, before, size, fromNewest);
  }
}
