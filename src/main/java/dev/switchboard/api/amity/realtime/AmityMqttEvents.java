package dev.switchboard.api.amity.realtime;

import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Translates one change of the log into the Amity event a connected SDK expects: its {@code
 * eventType}, the topics it may travel on (most specific first) and its {@code data}. The same
 * change log as {@code /realtime/v1}, so the same events in the same per-channel order; only the
 * shapes differ. Payloads are built for the receiving user (its own reactions, what it may read).
 */
final class AmityMqttEvents {
  private static final Logger log = LoggerFactory.getLogger(AmityMqttEvents.class);

  /**
   * One event to publish on the first subscribed of its {@code topics} (the first is the path of
   * the object it is about): Amity's wrapper {@code {networkId, path, eventType, sendTime, data}}.
   * Its {@code data} is read for the viewer only once a topic of the session is known to match:
   * a session that follows a channel but subscribed to none of its topics costs no read.
   */
  record Outgoing(String eventType, List<String> topics, Supplier<Object> data) {
    /**
     * The wrapper, or empty when what the event is about is no longer the viewer's to read
     * (erased, left): Amity sends nothing then either.
     */
    Optional<Map<String, Object>> body(String networkId, String sendTime) {
      Object payload;
      try {
        payload = data.get();
      } catch (DomainException gone) {
        log.debug("No Amity {} event on {}: {}", eventType, topics.getFirst(), gone.getMessage());
        return Optional.empty();
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("networkId", networkId);
      body.put("path", topics.getFirst());
      body.put("eventType", eventType);
      body.put("sendTime", sendTime);
      body.put("data", payload);
      return Optional.of(body);
    }
  }

  /**
   * One change as the face sees it, from a bus notice or from the log ({@code at}: ISO time);
   * {@code loggedAt} only on a live one (a bus notice), for the delivery lag.
   */
  record Event(String conversationId, long changeSeq, String event, String at, JsonNode data,
      Instant loggedAt, Shared shared) {
    Event(String conversationId, long changeSeq, String event, String at, JsonNode data,
        Instant loggedAt) {
      this(conversationId, changeSeq, event, at, data, loggedAt, new Shared());
    }
  }

  /**
   * What every receiver of one change is shown alike (the channel of a new message), read by the
   * first publish that needs it and kept with the change while it is routed: one read for all the
   * members connected to this node, not one each.
   */
  static final class Shared {
    private Object value;

    @SuppressWarnings("unchecked") // one kind of value per event: the translation of its name
    synchronized <T> T get(Supplier<T> read) {
      if (value == null) {
        value = read.get();
      }
      return (T) value;
    }
  }

  private final AmityMqttPayloads payloads;

  AmityMqttEvents(AmityMqttPayloads payloads) {
    this.payloads = payloads;
  }

  /** The Amity event for {@code viewer}, or empty when Amity has none for this change. */
  Optional<Outgoing> translate(Actor viewer, AmityMqttTopics topics, Event change) {
    return switch (change.event()) {
      case MessageChanges.CREATED -> created(viewer, topics, change);
      case MessageChanges.DELETED -> message(viewer, topics, change, "message.deleted");
      case MessageChanges.UPDATED ->
          message(viewer, topics, change, updateEvent(change.data().path("cause").asString("")));
      case MessageChanges.REACTION_ADDED -> reaction(viewer, topics, change, "message.reactionAdded");
      case MessageChanges.REACTION_REMOVED ->
          reaction(viewer, topics, change, "message.reactionRemoved");
      case ConversationChanges.MEMBER_JOINED -> channel(viewer, topics, change, "channel.joined");
      case ConversationChanges.MEMBER_LEFT -> channel(viewer, topics, change, "channel.left");
      case ConversationChanges.READ_UPDATED -> marker(viewer, topics, change);
      default -> Optional.empty();
    };
  }

  /** Amity tells flags apart from edits; the neutral event carries why it changed. */
  static String updateEvent(String cause) {
    return switch (cause) {
      case "flagged" -> "message.flagged";
      case "unflagged" -> "message.unflagged";
      case "flagsCleared" -> "message.flagCleared";
      default -> "message.updated";
    };
  }

  /** A new message: rendered from what its change recorded, not read again (see AmityMqttPayloads). */
  private Optional<Outgoing> created(Actor viewer, AmityMqttTopics topics, Event change) {
    return Optional.of(new Outgoing("message.created", messageTopics(topics, change),
        () -> payloads.created(viewer, change)));
  }

  private Optional<Outgoing> message(
      Actor viewer, AmityMqttTopics topics, Event change, String eventType) {
    String messageId = change.data().path("message").path("id").asString("");
    return Optional.of(new Outgoing(eventType, messageTopics(topics, change),
        () -> payloads.message(viewer, messageId)));
  }

  private static List<String> messageTopics(AmityMqttTopics topics, Event change) {
    String messageId = change.data().path("message").path("id").asString("");
    return List.of(topics.messagePath(change.conversationId(), messageId), topics.smartFeed("messages"));
  }

  private Optional<Outgoing> reaction(
      Actor viewer, AmityMqttTopics topics, Event change, String eventType) {
    JsonNode reaction = change.data().path("reaction");
    String messageId = reaction.path("messageId").asString("");
    return Optional.of(new Outgoing(eventType,
        List.of(topics.messagePath(change.conversationId(), messageId), topics.smartFeed("messages")),
        () -> payloads.reaction(viewer, reaction)));
  }

  private Optional<Outgoing> channel(
      Actor viewer, AmityMqttTopics topics, Event change, String eventType) {
    String userId = change.data().path("userId").asString("");
    return Optional.of(new Outgoing(eventType,
        List.of(topics.channelPath(change.conversationId()), topics.smartFeed("channels")),
        () -> payloads.channel(viewer, change.conversationId(), userId)));
  }

  /** Read state is the reader's own: only his connections hear of it, on his marker topic. */
  private Optional<Outgoing> marker(Actor viewer, AmityMqttTopics topics, Event change) {
    if (!viewer.userId().equals(change.data().path("userId").asString(""))) {
      return Optional.empty();
    }
    return Optional.of(new Outgoing("marker.userFeed-updated", List.of(topics.markers()),
        () -> payloads.feedMarkers(viewer, change.conversationId())));
  }
}
