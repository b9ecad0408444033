package dev.switchboard.api.amity.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.api.amity.AmityFileView;
import dev.switchboard.api.amity.AmityHashFlagView;
import dev.switchboard.api.amity.AmityUserView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Amity v3 message requests and responses (seed 003). */
public final class AmityMessageDtos {
  private AmityMessageDtos() {}

  public record AmityMentionee(String type, List<String> userIds) {}

  public record AmityCreateMessage(
      @Schema(example = "6b13586739b3d95bf58d3191") String channelId,
      @Schema(description = "Client-chosen id; a retry with the same id returns the message")
          String messageId,
      @Schema(example = "text") String type,
      @Schema(type = "object", example = "{\"text\": \"Hello Bob!\"}") JsonNode data,
      String fileId,
      String parentId,
      @Schema(type = "object") JsonNode metadata,
      List<String> tags,
      List<AmityMentionee> mentionees) {}

  public record AmityUpdateMessage(
      JsonNode data, JsonNode metadata, List<String> tags, List<AmityMentionee> mentionees) {}

  public record AmityLatestReaction(
      String referenceId,
      String referenceType,
      String reactionName,
      String userId,
      String userDisplayName,
      String reactionId,
      String eventName,
      String createdAt) {}

  public record AmityMentioneeView(
      String type, List<String> userIds, List<String> userPublicIds, List<String> userInternalIds) {}

  public record AmityMessageV3(
      @JsonProperty("_id") String id,
      String path,
      String messageId,
      String channelId,
      String userId,
      String type,
      JsonNode data,
      long channelSegment,
      String parentId,
      String fileId,
      List<String> tags,
      JsonNode metadata,
      long flagCount,
      AmityHashFlagView hashFlag,
      long childrenNumber,
      long reactionsCount,
      Object reactions,
      List<String> myReactions,
      AmityLatestReaction latestReaction,
      boolean isDeleted,
      String createdAt,
      String updatedAt,
      String editedAt,
      List<AmityMentioneeView> mentionees) {}

  public record AmityMessagePaging(String next, String prev) {}

  public record AmityMessagesPayload(List<AmityMessageV3> messages, List<AmityUserView> users, List<AmityFileView> files) {}

  public record AmityMessagesPage(
      List<AmityMessageV3> messages, List<AmityUserView> users, List<AmityFileView> files, AmityMessagePaging paging) {}

  public record AmityStatus<T>(String status, T data) {
    public static <T> AmityStatus<T> success(T data) {
      return new AmityStatus<>("success", data);
    }
  }


  public record AmityResult(boolean result) {}
}
