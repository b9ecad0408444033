package dev.switchboard.api.amity.channel;

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
      String updatedAt) {}

  record Paging(String next, String previous) {}

  /** The side-loaded channel payload; {@code paging} only on queries. */
  record ChannelsPayload(
      List<ChannelView> channels,
      List<ChannelUserView> channelUsers,
      List<AmityUserView> users,
      List<Object> files,
      List<MessagePreviewView> messagePreviews) {}

  record PagedChannelsPayload(
      List<ChannelView> channels,
      List<ChannelUserView> channelUsers,
      List<AmityUserView> users,
      List<Object> files,
      List<MessagePreviewView> messagePreviews,
      Paging paging) {}

  record PagedChannelUsersPayload(
      List<ChannelUserView> channelUsers, List<AmityUserView> users, List<Object> files, Paging paging) {}

  record DeleteResult(String status, AmitySuccess data) {}

}
