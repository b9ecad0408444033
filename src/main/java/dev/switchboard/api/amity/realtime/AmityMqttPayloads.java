package dev.switchboard.api.amity.realtime;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.channel.AmityChannelPayloads;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Channels;
import dev.switchboard.message.MessageReader;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.switchboard.shared.Timestamps;
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
  private final Channels channelStore;
  private final Clock clock;

  AmityMqttPayloads(
      MessageReader reader,
      AmityV5Payloads messages,
      AmityChannelPayloads channels,
      Channels channelStore,
      Clock clock) {
    this.reader = reader;
    this.messages = messages;
    this.channels = channels;
    this.channelStore = channelStore;
    this.clock = clock;
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

  /**
   * The reader's marker of the channel's message feed (the channel's one feed: its id is the
   * channel's) after his read cursor moved, with the feed's marker (its last segment), from which
   * the SDK computes the unread count.
   */
  Map<String, Object> feedMarkers(Actor viewer, String conversationId, long readToSegment) {
    Channel channel = channelStore.find(viewer.tenantId(), List.of(conversationId)).stream()
        .findFirst()
        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "channel is gone"));
    String now = Timestamps.iso(clock.instant());
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("feedId", conversationId);
    feed.put("entityId", conversationId);
    feed.put("lastSegment", channel.conversation().lastSeq());
    feed.put("isDeleted", channel.settings().isDeleted());
    feed.put("updatedAt", now);
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("feedId", conversationId);
    marker.put("entityId", conversationId);
    marker.put("userId", viewer.userId());
    marker.put("readToSegment", readToSegment);
    marker.put("lastMentionSegment", 0);
    marker.put("isMentioned", false);
    marker.put("createdAt", now);
    marker.put("updatedAt", now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userFeedMarkers", List.of(marker));
    data.put("feedMarkers", List.of(feed));
    return data;
  }
}
