package dev.switchboard.api.amity.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.amity.AmitySuccess;
import dev.switchboard.api.amity.AmityUserView;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request and response records of Amity's channel endpoints. */
final class AmityChannelDtos {
  private AmityChannelDtos() {}

  record CreateChannelRequest(
      String channelId,
      String type,
      String displayName,
      String avatarFileId,
      JsonNode metadata,
      List<String> tags,
      List<String> userIds,
      Boolean isMuted,
      Boolean messageAutoDeleteEnabled,
      Integer autoDeleteMessageByFlagLimit,
      Boolean isPublic,
      String notificationMode) {}

  record CreateConversationRequest(
      List<String> userIds,
      Boolean isDistinct,
      String displayName,
      String avatarFileId,
      JsonNode metadata,
      List<String> tags) {}

  record UpdateChannelRequest(
      String displayName,
      String avatarFileId,
      JsonNode metadata,
      List<String> tags,
      Boolean messageAutoDeleteEnabled,
      Integer autoDeleteMessageByFlagLimit,
      String notificationMode) {}

  record UserIdsRequest(List<String> userIds) {}

  record RoleRequest(String role, List<String> userIds) {}

  record MuteRequest(Long mutePeriod, List<String> userIds) {}

  record SeenRequest(Long readToSegment) {}

  record ChannelView(
      String _id,
      String path,
      String channelId,
      String channelInternalId,
      String channelPublicId,
      boolean isDistinct,
      JsonNode metadata,
      String type,
      List<String> tags,
      boolean isMuted,
      boolean isRateLimited,
      String muteTimeout,
      int rateLimit,
      int rateLimitWindow,
      String rateLimitTimeout,
      String displayName,
      boolean messageAutoDeleteEnabled,
      Integer autoDeleteMessageByFlagLimit,
      long memberCount,
      long messageCount,
      String lastActivity,
      String createdAt,
      String updatedAt,
      String avatarFileId,
      boolean isDeleted,
      String messagePreviewId,
      boolean isPublic,
      String notificationMode) {}

  record ChannelUserView(
      String userId,
      String userInternalId,
      String userPublicId,
      String channelId,
      String channelInternalId,
      String channelPublicId,
      String membership,
      boolean isBanned,
      String lastActivity,
      List<String> roles,
      List<String> permissions,
      long readToSegment,
      long lastMentionedSegment,
      boolean isMuted,
      String muteTimeout,
      String createdAt,
      String updatedAt) {}

  /**
   * The newest message of a channel: seed 003's v3 fields, and the v5 ones SDK 6.x reads
   * ({@code channelPublicId}, {@code messageFeedId}, {@code dataType}, {@code segment}, {@code
   * creatorId} (internal) / {@code creatorPublicId}, {@code parentId} when a reply).
   */
  record MessagePreviewView(
      String messagePreviewId,
      String channelId,
      String messageId,
      String userId,
      String type,
      JsonNode data,
      long channelSegment,
      boolean isDeleted,
      String createdAt,
      String updatedAt,
      String channelPublicId,
      String messageFeedId,
      String dataType,
      long segment,
      String creatorId,
      String creatorPublicId,
      @JsonInclude(JsonInclude.Include.NON_NULL) String parentId) {}

  /** A channel's one message feed as channel payloads list it (SDK {@code messageFeedsInfo}). */
  record MessageFeedInfoView(
      String messageFeedId,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String messagePreviewId,
      String createdAt,
      String updatedAt) {}

  record Paging(String next, String previous) {}

  /** The side-loaded channel payload; {@code paging} only on queries. */
  record ChannelsPayload(
      List<ChannelView> channels,
      List<ChannelUserView> channelUsers,
      List<AmityUserView> users,
      List<Object> files,
      List<MessagePreviewView> messagePreviews,
      List<MessageFeedInfoView> messageFeedsInfo) {}

  record PagedChannelsPayload(
      List<ChannelView> channels,
      List<ChannelUserView> channelUsers,
      List<AmityUserView> users,
      List<Object> files,
      List<MessagePreviewView> messagePreviews,
      List<MessageFeedInfoView> messageFeedsInfo,
      Paging paging) {}

  /** The members page side-loads the channel (the SDK dereferences {@code channels[0]}). */
  record PagedChannelUsersPayload(
      List<ChannelView> channels,
      List<ChannelUserView> channelUsers,
      List<AmityUserView> users,
      List<Object> files,
      List<MessagePreviewView> messagePreviews,
      Paging paging) {}

  record DeleteResult(String status, AmitySuccess data) {}

}
