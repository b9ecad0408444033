package dev.switchboard.api.amity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Amity's v5 message ({@code RawMessage} of the TypeScript SDK, {@code messages[]} of
 * {@code /api/v5/messages} in Amity's document). {@code messageId} is the message id,
 * {@code referenceId} the client's own id for it (v5 {@code referenceId}, v3 {@code messageId}),
 * {@code channelId} and {@code messageFeedId} the internal channel id (the channel's one feed,
 * ADR 0019), {@code creatorId} the sender's internal id. Absent values are left out, never null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmityV5MessageView(
    String messageId,
    String networkId,
    String channelId,
    String channelPublicId,
    String channelType,
    String messageFeedId,
    long segment,
    String dataType,
    JsonNode data,
    String fileId,
    JsonNode metadata,
    List<String> tags,
    String creatorId,
    String creatorPublicId,
    List<Mentioned> mentionedUsers,
    Map<String, Long> reactions,
    long reactionCount,
    List<String> myReactions,
    String parentId,
    String path,
    long flagCount,
    AmityHashFlagView hashFlag,
    long childCount,
    boolean isDeleted,
    String referenceId,
    String editedAt,
    String createdAt,
    String updatedAt) {

  /**
   * One mention: {@code userIds} are internal ids (as Amity stores them), {@code userPublicIds}
   * the ids clients know (the SDK reads these); a channel mention lists nobody.
   */
  public record Mentioned(String type, List<String> userIds, List<String> userPublicIds) {}

}
