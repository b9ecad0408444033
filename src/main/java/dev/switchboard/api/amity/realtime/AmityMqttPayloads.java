package dev.switchboard.api.amity.realtime;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.channel.AmityChannelPayloads;
import dev.switchboard.api.amity.marker.AmityMarkerEvents;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Channels;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageReader;
import dev.switchboard.realtime.MessageCreatedData;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} of each Amity event, built for the receiving user through the same mappers as
 * the HTTP answers, so a message arrives over MQTT exactly as {@code GET} would return it. A new
 * message is rendered from its {@code message.created} change, which records all of it: only its
 * channel is read, once for every receiver on the node, instead of the message and its reactions,
 * flags and feed for each (the gateway's hot path). Other events read what they are about.
 */
@Component
class AmityMqttPayloads {
  /** What every receiver of a new message is shown alike: the message and its channel. */
  record Posted(Message message, Channel channel) {}

  private final MessageReader reader;
  private final MessageCreatedData createdData;
  private final Channels channelStore;
  private final AmityV5Payloads messages;
  private final AmityChannelPayloads channels;
  private final AmityMarkerEvents markers;

  AmityMqttPayloads(
      MessageReader reader,
      MessageCreatedData createdData,
      Channels channelStore,
      AmityV5Payloads messages,
      AmityChannelPayloads channels,
      AmityMarkerEvents markers) {
    this.reader = reader;
    this.createdData = createdData;
    this.channelStore = channelStore;
    this.messages = messages;
    this.channels = channels;
    this.markers = markers;
  }

  /**
   * The v5 envelope of a new message from its change; a change logged by an older version does
   * not record the whole message, and the message is read as for any other event.
   */
  AmityV5MessagesPayload created(Actor viewer, AmityMqttEvents.Event change) {
    Optional<Posted> posted = change.shared().get(() -> posted(viewer.tenantId(), change.data()));
    return posted
        .map(p -> messages.posted(viewer, p.message(), p.channel()))
        .orElseGet(() -> message(viewer, change.data().path("message").path("id").asString("")));
  }

  private Optional<Posted> posted(String tenantId, JsonNode data) {
    return createdData.message(tenantId, data).map(m -> new Posted(m,
        channelStore.find(tenantId, List.of(m.conversationId())).stream().findFirst()
            .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "channel is gone"))));
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
