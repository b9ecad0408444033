package dev.switchboard.api.amity.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.access.AccessRevocations;
import dev.switchboard.access.TokenService;
import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.Faces;
import dev.switchboard.realtime.RealtimeProperties;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import dev.switchboard.shared.Actor;
import dev.switchboard.user.UserService;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity's realtime over MQTT 3.1.1 on WebSocket ({@code /mqtt}, subprotocol {@code mqtt}): a face
 * of this node ({@link Faces}) beside {@code /realtime/v1}, fed by the same committed changes, of
 * this node and of the others through the bus, and reading the same change log to fill gaps. It
 * indexes its connections by user and by the channels their user is a member of (kept current by
 * the membership changes it routes, like the WebSocket gateway's index) and hands each change to
 * the mailboxes of the connections that follow its channel. Persistent sessions ({@code
 * clean=false}) are kept on this node for {@link #SESSION_EXPIRY} after their connection closes.
 */
@Component
public class AmityMqttGateway implements BusListener, AutoCloseable {
  static final Duration SESSION_EXPIRY = Duration.ofHours(2);
  private static final int MAX_SESSIONS = 100_000;

  private final RealtimeProperties properties;
  private final ConversationService conversations;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final AmityMqttProtocol protocol;
  private final AmityMqttDelivery delivery;
  private final AmityMqttHandler handler;
  private final Map<String, AmityMqttConnection> all = new ConcurrentHashMap<>();
  private final Map<String, Set<AmityMqttConnection>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Set<AmityMqttConnection>> byChannel = new ConcurrentHashMap<>();
  private final Map<String, String> sessionKeys = new ConcurrentHashMap<>();
  private final Cache<String, AmityMqttSession> sessions =
      Caffeine.newBuilder().maximumSize(MAX_SESSIONS).expireAfterWrite(SESSION_EXPIRY).build();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("amity-mqtt-keepalive").daemon().factory());
  private final DistributionSummary publishedBytes;

  AmityMqttGateway(
      RealtimeProperties properties,
      TokenService tokens,
      UserService users,
      ConversationService conversations,
      ChangeFeed feed,
      Faces faces,
      AmityMqttPayloads payloads,
      JsonMapper json,
      MeterRegistry meters) {
    this.properties = properties;
    this.conversations = conversations;
    this.json = json;
    this.meters = meters;
    this.protocol = new AmityMqttProtocol(tokens, users, feed, this);
    this.delivery =
        new AmityMqttDelivery(feed, new AmityMqttEvents(payloads), json, this::countPublish);
    this.handler = new AmityMqttHandler(this);
    Gauge.builder("switchboard.amity.mqtt.connections", all, Map::size)
        .description("Open Amity MQTT connections on this node")
        .register(meters);
    this.publishedBytes =
        DistributionSummary.builder("switchboard.amity.mqtt.publish.bytes")
            .description("Size of the PUBLISH payloads sent to Amity MQTT clients")
            .baseUnit("bytes")
            .register(meters);
    faces.add(this);
    timers.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.SECONDS);
  }

  public WebSocketHandler handler() {
    return handler;
  }

  /** Open MQTT connections on this node (connected or not yet). */
  public int connectionCount() {
    return all.size();
  }

  AmityMqttConnection open(WebSocketSession session) {
    AmityMqttConnection connection =
        new AmityMqttConnection(session, properties.queueSize(), workers, this::countClose);
    all.put(connection.id(), connection);
    return connection;
  }

  AmityMqttConnection connection(WebSocketSession session) {
    return all.get(session.getId());
  }

  /** Client bytes, handled on the connection's drain task. */
  void received(AmityMqttConnection connection, byte[] bytes) {
    connection.seen();
    connection.submit(() -> protocol.onBytes(connection, bytes));
  }

  /** CONNECT accepted: restores or starts the session, answers CONNACK, then routes to it. */
  void accept(AmityMqttConnection connection, Actor actor, AmityMqttTopics topics, String clientId,
      boolean clean, int keepAliveSeconds) {
    String key = String.join("\u0000", actor.tenantId(), topics.userInternalId(), clientId);
    AmityMqttSession stored = clean ? null : sessions.getIfPresent(key);
    sessions.invalidate(key);
    AmityMqttSession state = stored != null ? stored : new AmityMqttSession();
    if (!clean) {
      sessionKeys.put(connection.id(), key);
    }
    connection.accepted(actor, topics, state, keepAliveSeconds);
    connection.send(
        MqttMessageBuilders.connAck()
            .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
            .sessionPresent(stored != null)
            .build());
    meters.counter("switchboard.amity.mqtt.connects", "session", stored != null ? "resumed" : "new")
        .increment();
    byUser.computeIfAbsent(key(actor.tenantId(), actor.userId()), k -> ConcurrentHashMap.newKeySet())
        .add(connection);
    conversations.memberships(actor).forEach(id -> follow(connection, id));
    if (stored != null) {
      delivery.catchUp(connection);
    }
  }

  void refused(MqttConnectReturnCode code) {
    meters.counter("switchboard.amity.mqtt.refusals", "reason",
        code.name().replace("CONNECTION_REFUSED_", "").toLowerCase(Locale.ROOT)).increment();
  }

  void refusedTopic() {
    meters.counter("switchboard.amity.mqtt.refusals", "reason", "topic").increment();
  }

  void closed(WebSocketSession session) {
    AmityMqttConnection connection = all.remove(session.getId());
    String sessionKey = sessionKeys.remove(session.getId());
    if (connection == null) {
      return;
    }
    if (connection.actor() == null) {
      connection.closed();
      return;
    }
    Actor actor = connection.actor();
    byUser.computeIfPresent(key(actor.tenantId(), actor.userId()), (k, set) -> {
      set.remove(connection);
      return set.isEmpty() ? null : set;
    });
    List.copyOf(connection.following()).forEach(id -> unfollow(connection, id));
    connection.closed();
    if (sessionKey != null) {
      sessions.put(sessionKey, connection.state());
    }
  }

  private void follow(AmityMqttConnection connection, String channelId) {
    if (connection.following().add(channelId)) {
      byChannel.computeIfAbsent(key(connection.actor().tenantId(), channelId),
          k -> ConcurrentHashMap.newKeySet()).add(connection);
    }
  }

  private void unfollow(AmityMqttConnection connection, String channelId) {
    if (connection.following().remove(channelId)) {
      byChannel.computeIfPresent(key(connection.actor().tenantId(), channelId), (k, set) -> {
        set.remove(connection);
        return set.isEmpty() ? null : set;
      });
    }
  }

  @Override
  public void onEvent(BusEvent event) {
    switch (event) {
      case BusEvent.Changes changes -> route(changes.notices());
      case BusEvent.AccessRevocation revocation -> closeRevoked(revocation);
      case BusEvent.TypingNotice ignored -> { } // Amity's chat has no typing event over MQTT.
    }
  }

  /** Joins and leaves first, so a user added in a transaction hears all of it; then delivery. */
  private void route(List<BusEvent.ChangeNotice> notices) {
    for (BusEvent.ChangeNotice notice : notices) {
      if (ConversationChanges.MEMBER_JOINED.equals(notice.event())) {
        subject(notice).forEach(c -> follow(c, notice.conversationId()));
      }
    }
    for (BusEvent.ChangeNotice notice : notices) {
      Set<AmityMqttConnection> targets =
          byChannel.getOrDefault(key(notice.tenantId(), notice.conversationId()), Set.of());
      if (!targets.isEmpty()) {
        // The notice carries the change's /realtime/v1 frame: its data, parsed once for all.
        JsonNode frame = json.readTree(notice.frame());
        AmityMqttEvents.Event change =
            new AmityMqttEvents.Event(notice.conversationId(), notice.changeSeq(), notice.event(),
                frame.path("at").asString(""), frame.path("data"));
        for (AmityMqttConnection c : targets) {
          c.submit(() -> delivery.deliver(c, change));
        }
      }
      if (ConversationChanges.MEMBER_LEFT.equals(notice.event())) {
        // He hears that he left, and nothing after.
        subject(notice).forEach(c -> unfollow(c, notice.conversationId()));
      }
    }
  }

  private Set<AmityMqttConnection> subject(BusEvent.ChangeNotice notice) {
    return notice.subjectId() == null
        ? Set.of()
        : byUser.getOrDefault(key(notice.tenantId(), notice.subjectId()), Set.of());
  }

  private void closeRevoked(BusEvent.AccessRevocation revocation) {
    boolean wholeDomain = AccessRevocations.WHOLE_DOMAIN.equals(revocation.userId());
    for (AmityMqttConnection connection : all.values()) {
      Actor actor = connection.actor();
      if (actor != null && actor.tenantId().equals(revocation.tenantId())
          && (wholeDomain || actor.userId().equals(revocation.userId()))) {
        connection.close(CloseStatus.POLICY_VIOLATION, "access_revoked");
      }
    }
  }

  /** After a bus outage: memberships may have changed elsewhere; what was missed is in the log. */
  @Override
  public void onRecovered() {
    for (AmityMqttConnection connection : all.values()) {
      if (connection.actor() != null) {
        connection.submit(() -> {
          conversations.memberships(connection.actor()).forEach(id -> follow(connection, id));
          delivery.catchUp(connection);
        });
      }
    }
  }

  /**
   * Disconnects clients that sent no CONNECT within the realtime auth timeout, and clients silent
   * for one and a half keep-alive periods (MQTT 3.1.1 §3.1.2.10).
   */
  private void sweep() {
    long now = System.nanoTime();
    long connectDeadline = properties.authTimeout().toNanos();
    for (AmityMqttConnection connection : all.values()) {
      if (connection.actor() == null && connection.openNanos(now) > connectDeadline) {
        connection.close(CloseStatus.POLICY_VIOLATION, "connect_timeout");
      } else if (connection.silentTooLong(now)) {
        connection.close(CloseStatus.GOING_AWAY, "keepalive");
      }
    }
  }

  private void countPublish(String eventType, int bytes) {
    meters.counter("switchboard.amity.mqtt.publishes", "event", eventType).increment();
    publishedBytes.record(bytes);
  }

  private void countClose(String reason) {
    meters.counter("switchboard.amity.mqtt.disconnects", "reason", reason).increment();
  }

  private static String key(String tenantId, String id) {
    return tenantId + "\u0000" + id;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
  }
}
