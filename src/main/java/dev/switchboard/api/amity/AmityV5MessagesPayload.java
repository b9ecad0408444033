package dev.switchboard.api.amity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The side-loaded v5 message envelope ({@code MessagePayload} of the SDK): the messages, the users
 * they name (senders and mentioned users), their files and their message feeds. {@code reactions}
 * (who reacted, newest first) is only sent with reaction events and left out elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmityV5MessagesPayload(
    List<AmityV5MessageView> messages,
    List<AmityUserView> users,
    List<AmityFileView> files,
    List<AmityV5MessageFeedView> messageFeeds,
    List<Reactor> reactions) {

  /** One reaction of a user to a message ({@code InternalReactor} of the SDK). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reactor(
      String reactionId, String reactionName, String userId, String createdAt, String updatedAt) {}

  /** The same messages with the reactions of a reaction event. */
  public AmityV5MessagesPayload withReactions(List<Reactor> reactors) {
    return new AmityV5MessagesPayload(messages, users, files, messageFeeds, List.copyOf(reactors));
  }
}
