package dev.switchboard.api.amity.realtime;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.channel.AmityChannelPayloads;
import dev.switchboard.api.amity.marker.AmityMarkerEvents;
import dev.switchboard.message.MessageReader;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} of each Amity event, read for the receiving user through the same mappers as
 * the HTTP answers, so a message arrives over MQTT exactly as {@code GET} would return it.
 */
@Component
class AmityMqttPayloads {
  private final MessageReader reader;
  private final AmityV5Payloads messages;
  private final AmityChannelPayloads channels;
  private final AmityMarkerEvents markers;

  AmityMqttPayloads(
      MessageReader reader,
      AmityV5Payloads messages,
      AmityChannelPayloads channels,
      AmityMarkerEvents markers) {
    this.reader = reader;
    this.messages = messages;
    this.channels = channels;
    this.markers = markers;
  }

  /** The v5 envelope {@code {messages:[…], users, files, messageFeeds}} of one message. */
  AmityV5MessagesPayload message(Actor viewer, String messageId) {
    return messages.messages(viewer, List.of(reader.get(viewer, messageId)));
  }

  /** The same with the reactor of a reaction event ({@code reactions[]}). */
  AmityV5MessagesPayload reaction(Actor viewer, JsonNode reaction) {
    String at = reaction.path("createdAt").asString("");
    return message(viewer, reaction.path("messageId").asString(""))
        .withReactions(List.of(new AmityV5MessagesPayload.Reactor(
            reaction.path("id").asString(""),
            reaction.path("name").asString(""),
            reaction.path("userId").asString(""),
            at,
            at)));
  }

  /** {@code {channels, channelUsers, users, files, messagePreviews}} about one member. */
  Object channel(Actor viewer, String conversationId, String userId) {
    return channels
        .membershipEvent(viewer, conversationId, userId)
        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "channel is gone"));
  }

  /** The reader's feed markers after his read cursor moved, as {@code /api/v1/markers} has them. */
  Object feedMarkers(Actor viewer, String conversationId) {
    return markers
        .feedUpdated(viewer, conversationId)
        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no longer a member"));
  }
}
