package dev.switchboard.api.amity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Amity's v5 message feed ({@code RawSubChannel} of the SDK, {@code messageFeeds[]} of Amity's
 * document). Every channel has exactly one, whose id is the channel's internal id (ADR 0019):
 * {@code childCount} is its message count, {@code lastMessageId}/{@code lastMessageTimestamp}
 * its newest message (left out while there is none, or for a reader who may not see it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmityV5MessageFeedView(
    String messageFeedId,
    String channelId,
    String channelPublicId,
    String channelType,
    String name,
    String lastMessageId,
    String lastMessageTimestamp,
    String creatorId,
    String creatorPublicId,
    String path,
    long childCount,
    boolean isDeleted,
    String editedAt,
    String createdAt,
    String updatedAt,
    String messagePreviewId) {}
