package dev.switchboard.api.amity.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.amity.AmityFileView;
import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.AmityV5MessageFeedView;
import dev.switchboard.api.amity.AmityV5MessageView;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMentionee;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Amity v5 message requests and the responses not shared with the realtime events. */
public final class AmityV5MessageDtos {
  private AmityV5MessageDtos() {}

  /**
   * {@code messageFeedId} is the channel's internal id (its one feed); {@code referenceId} the
   * client's id for the message (a retry with it returns the first message); {@code createdAt}
   * is ignored: the server's clock dates messages.
   */
  public record AmityV5CreateMessage(
      String messageFeedId,
      String parentId,
      String referenceId,
      String dataType,
      JsonNode data,
      String fileId,
      JsonNode metadata,
      List<String> tags,
      List<AmityMentionee> mentionedUsers,
      String createdAt) {}

  public record AmityV5UpdateMessage(
      JsonNode data, JsonNode metadata, List<String> tags, List<AmityMentionee> mentionedUsers) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AmityV5Paging(String next, String previous) {}

  public record AmityV5MessagesPage(
      List<AmityV5MessageView> messages,
      List<AmityV5MessageFeedView> messageFeeds,
      List<AmityUserView> users,
      List<AmityFileView> files,
      AmityV5Paging paging) {}

  /** Message feeds with the previews of their newest messages ({@code SubChannelPayload}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AmityV5FeedsPayload(
      List<AmityV5MessageFeedView> messageFeeds,
      List<AmityV5MessageView> messages,
      List<AmityUserView> users,
      List<AmityFileView> files,
      AmityV5Paging paging) {}

  /** {@code GET /api/v5/messages/{id}/flags}: whether the caller flagged it. */
  public record AmityV5FlaggedByMe(boolean result) {}
}
