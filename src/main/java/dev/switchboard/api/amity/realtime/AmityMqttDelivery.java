package dev.switchboard.api.amity.realtime;

import dev.switchboard.feed.Change;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.DeliveryLag;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Timestamps;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers a channel's changes to one connection strictly in change-sequence order, each once,
 * as the WebSocket gateway does: older or repeated changes are dropped, and a change beyond the
 * next expected one first replays the gap from the log (from where the connection opened, on a
 * channel's first news: {@link ChangeFeed#startFor}). Each change becomes the Amity event the
 * receiving user should see, published at QoS 0 on the first of its topics that one of the
 * session's filters matches; a change nobody subscribed to still moves the position. Only the
 * connection's drain task calls it.
 */
final class AmityMqttDelivery {
  private static final int PAGE = 500;

  private final ChangeFeed feed;
  private final AmityMqttEvents events;
  private final JsonMapper json;
  private final BiConsumer<String, Integer> published;
  private final DeliveryLag lag;

  /** @param published counts publishes by event type, with their size in bytes */
  AmityMqttDelivery(
      ChangeFeed feed,
      AmityMqttEvents events,
      JsonMapper json,
      BiConsumer<String, Integer> published,
      DeliveryLag lag) {
    this.feed = feed;
    this.events = events;
    this.json = json;
    this.published = published;
    this.lag = lag;
  }

  /** A live change of a channel the connection follows. */
  void deliver(AmityMqttConnection connection, AmityMqttEvents.Event change) {
    Map<String, Long> cursors = connection.state().cursors();
    Long cursor = cursors.get(change.conversationId());
    if (cursor == null) {
      // The first news of the channel on this session: a change logged since the connection
      // opened may have committed before this one while its notice is still on the way.
      cursor = feed.startFor(connection.actor().tenantId(), change.conversationId(),
          change.changeSeq(), connection.openedAt());
      cursors.put(change.conversationId(), cursor);
    }
    if (change.changeSeq() == cursor + 1) {
      publish(connection, change);
    } else if (change.changeSeq() > cursor + 1) {
      replay(connection, change.conversationId());
    }
  }

  /** Everything after the session's position in each channel (a resumed session, a bus outage). */
  void catchUp(AmityMqttConnection connection) {
    List.copyOf(connection.state().cursors().keySet()).forEach(id -> replay(connection, id));
  }

  private void replay(AmityMqttConnection connection, String conversationId) {
    Map<String, Long> cursors = connection.state().cursors();
    String tenantId = connection.actor().tenantId();
    boolean more = true;
    while (more && connection.isOpen() && cursors.containsKey(conversationId)) {
      ChangeFeed.Page page;
      try {
        page = feed.read(tenantId, conversationId, cursors.get(conversationId), PAGE);
      } catch (DomainException e) {
        if (e.code() != ErrorCode.RESYNC_REQUIRED) {
          throw e;
        }
        // Retention removed what this session missed; Amity has no resync event: the position
        // restarts with the next live change, and the SDK reloads on its next query.
        cursors.remove(conversationId);
        return;
      }
      for (Change change : page.changes()) {
        publish(connection, new AmityMqttEvents.Event(change.conversationId(), change.changeSeq(),
            change.event(), Timestamps.iso(change.createdAt()), json.readTree(change.payload()),
            null));
      }
      more = page.hasMore();
    }
  }

  private void publish(AmityMqttConnection connection, AmityMqttEvents.Event change) {
    connection.state().cursors().put(change.conversationId(), change.changeSeq());
    Actor actor = connection.actor();
    AmityMqttTopics topics = connection.topics();
    Optional<AmityMqttEvents.Outgoing> outgoing = events.translate(actor, topics, change);
    if (outgoing.isEmpty()) {
      return;
    }
    Optional<String> topic = topicFor(connection.state(), outgoing.get().topics());
    if (topic.isEmpty()) {
      return;
    }
    Optional<Map<String, Object>> wrapped =
        outgoing.get().body(connection.topics().network(), change.at());
    if (wrapped.isEmpty()) {
      return;
    }
    byte[] body = json.writeValueAsBytes(wrapped.get());
    connection.send(
        MqttMessageBuilders.publish()
            .topicName(topic.get())
            .qos(MqttQoS.AT_MOST_ONCE)
            .retained(false)
            .messageId(0)
            .payload(Unpooled.wrappedBuffer(body))
            .build());
    published.accept(outgoing.get().eventType(), body.length);
    lag.sent(change.loggedAt());
  }

  /** The first candidate topic a granted filter matches: one publish per event and connection. */
  static Optional<String> topicFor(AmityMqttSession session, List<String> candidates) {
    for (String topic : candidates) {
      for (String filter : session.filters()) {
        if (AmityMqttTopics.matches(filter, topic)) {
          return Optional.of(topic);
        }
      }
    }
    return Optional.empty();
  }
}
