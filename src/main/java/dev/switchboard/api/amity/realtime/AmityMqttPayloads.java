package dev.switchboard.api.amity.realtime;

import dev.switchboard.api.amity.channel.AmityChannelPayloads;
import dev.switchboard.api.amity.message.AmityMessageMapper;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagesPayload;
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
  private final AmityMessageMapper messages;
  private final AmityChannelPayloads channels;
  private final Clock clock;

  AmityMqttPayloads(
      MessageReader reader, AmityMessageMapper messages, AmityChannelPayloads channels, Clock clock) {
    this.reader = reader;
    this.messages = messages;
    this.channels = channels;
    this.clock = clock;
  }

  /** {@code {messages:[…], users, files, messageFeeds}} of one message; a mutable map. */
  Map<String, Object> message(Actor viewer, String messageId) {
    AmityMessagesPayload payload = messages.payload(viewer, List.of(reader.get(viewer, messageId)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("messages", payload.messages());
    data.put("users", payload.users());
    data.put("files", payload.files());
    data.put("messageFeeds", List.of());
    return data;
  }

  /** One reactor as Amity's {@code reactions[]} entry. */
  Map<String, Object> reactor(Actor viewer, JsonNode reaction) {
    Map<String, Object> reactor = new LinkedHashMap<>();
    reactor.put("reactionId", reaction.path("id").asString(""));
    reactor.put("reactionName", reaction.path("name").asString(""));
    reactor.put("userId", reaction.path("userId").asString(""));
    reactor.put("referenceId", reaction.path("messageId").asString(""));
    reactor.put("referenceType", "message");
    reactor.put("createdAt", reaction.path("createdAt").asString(""));
    return reactor;
  }

  /** {@code {channels, channelUsers, users, files, messagePreviews}} about one member. */
  Object channel(Actor viewer, String conversationId, String userId) {
    return channels
        .membershipEvent(viewer, conversationId, userId)
        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "channel is gone"));
  }

  /**
   * The reader's marker of the channel's message feed (the channel's one feed: its id is the
   * channel's) after his read cursor moved.
   */
  Map<String, Object> feedMarkers(Actor viewer, String conversationId, long readToSegment) {
    String now = Timestamps.iso(clock.instant());
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
    data.put("feedMarkers", List.of());
    return data;
  }
}
