package dev.switchboard.api.amity.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.api.amity.AmityUserView;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Amity v3 message requests and responses (seed 003). */
public final class AmityMessageDtos {
  private AmityMessageDtos() {}

  public record Mentionee(String type, List<String> userIds) {}

  public record CreateMessageRequest(
      String channelId,
      String messageId,
      String type,
      JsonNode data,
      String fileId,
      String parentId,
      JsonNode metadata,
      List<String> tags,
      List<Mentionee> mentionees) {}

  public record UpdateMessageRequest(
      JsonNode data, JsonNode metadata, List<String> tags, List<Mentionee> mentionees) {}

  public record HashFlag(int bits, int hashes, List<String> hash) {}

  public record LatestReactionView(
      String referenceId,
      String referenceType,
      String reactionName,
      String userId,
      String userDisplayName,
      String reactionId,
      String eventName,
      String createdAt) {}

  public record MentioneeView(
      String type, List<String> userIds, List<String> userPublicIds, List<String> userInternalIds) {}

  public record MessageView(
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
      HashFlag hashFlag,
      long childrenNumber,
      long reactionsCount,
      Object reactions,
      List<String> myReactions,
      LatestReactionView latestReaction,
      boolean isDeleted,
      String createdAt,
      String updatedAt,
      String editedAt,
      List<MentioneeView> mentionees) {}

  public record Paging(String next, String prev) {}

  public record MessagesPayload(List<MessageView> messages, List<AmityUserView> users, List<Object> files) {}

  public record MessagesPage(
      List<MessageView> messages, List<AmityUserView> users, List<Object> files, Paging paging) {}

  public record Status<T>(String status, T data) {
    public static <T> Status<T> success(T data) {
      return new Status<>("success", data);
    }
  }

  public record Success(boolean success) {}

  public record Result(boolean result) {}
}
