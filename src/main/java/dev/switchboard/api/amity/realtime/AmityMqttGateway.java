package dev.switchboard.api.amity.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.access.AccessRevocations;
import dev.switchboard.access.TokenService;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.ConnectedFace;
import dev.switchboard.realtime.DeliveryLag;
import dev.switchboard.realtime.Faces;
import dev.switchboard.realtime.RealtimeProperties;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.shared.Actor;
import dev.switchboard.user.UserService;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import java.time.Clock;
import java.time.Duration;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity's realtime over MQTT 3.1.1 on WebSocket ({@code /mqtt}, subprotocol {@code mqtt}): a face
 * of this node ({@link Faces}) beside {@code /realtime/v1}, fed by the same committed changes, of
 * this node and of the others through the bus, and reading the same change log to fill gaps. Its
 * {@link AmityMqttRouter} hands each change to the mailboxes of the connections that follow its
 * channel; a second CONNECT of the same client takes the first one's place. Persistent sessions ({@code
 * clean=false}) are kept on this node for {@link #SESSION_EXPIRY} after their connection closes.
 */
@Component
public class AmityMqttGateway implements ConnectedFace, AutoCloseable {
  static final Duration SESSION_EXPIRY = Duration.ofHours(2);
  private static final int MAX_SESSIONS = 100_000;

  private final RealtimeProperties properties;
  private final Clock clock;
  private final AmityMqttRouter router;
  private final MeterRegistry meters;
  private final AmityMqttProtocol protocol;
  private final AmityMqttDelivery delivery;
  private final AmityMqttHandler handler;
  private final Map<String, AmityMqttConnection> all = new ConcurrentHashMap<>();
  /** Connection id to its client key (user and client id), for every accepted connection. */
  private final Map<String, String> clientKeys = new ConcurrentHashMap<>();
  /** The live connection of each client key: a second CONNECT takes over (MQTT 3.1.4-2). */
  private final Map<String, AmityMqttConnection> byClientKey = new ConcurrentHashMap<>();
  /** Connection ids whose session outlives them ({@code clean=false}). */
  private final Set<String> persistent = ConcurrentHashMap.newKeySet();
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
      MeterRegistry meters,
      Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.router = new AmityMqttRouter(conversations::memberships, json);
    this.meters = meters;
    this.protocol = new AmityMqttProtocol(tokens, users, feed, this);
    this.delivery =
        new AmityMqttDelivery(feed, new AmityMqttEvents(payloads), json, this::countPublish,
            new DeliveryLag(meters, clock, "mqtt"));
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

  @Override
  public String faceName() {
    return "amity-mqtt";
  }

  /** Open MQTT connections on this node (connected or not yet). */
  @Override
  public int connectionCount() {
    return all.size();
  }

  AmityMqttConnection open(WebSocketSession session) {
    AmityMqttConnection connection =
        new AmityMqttConnection(
            session, clock.instant(), properties.queueSize(), workers, this::countClose);
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
    AmityMqttConnection previous = byClientKey.put(key, connection);
    AmityMqttSession handedOver = null;
    if (previous != null) {
      // The same client connected again (maybe before its old socket's close reached us): the
      // old connection ends, and its session, if persistent, passes to the new one.
      if (persistent.remove(previous.id())) {
        handedOver = previous.state();
      }
      previous.close(CloseStatus.POLICY_VIOLATION, "taken_over");
    }
    AmityMqttSession stored =
        clean ? null : handedOver != null ? handedOver : sessions.getIfPresent(key);
    sessions.invalidate(key);
    AmityMqttSession state = stored != null ? stored : new AmityMqttSession();
    clientKeys.put(connection.id(), key);
    if (!clean) {
      persistent.add(connection.id());
    }
    connection.accepted(actor, topics, state, keepAliveSeconds);
    connection.send(
        MqttMessageBuilders.connAck()
            .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
            .sessionPresent(stored != null)
            .build());
    meters.counter("switchboard.amity.mqtt.connects", "session", stored != null ? "resumed" : "new")
        .increment();
    router.add(connection);
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
    String clientKey = clientKeys.remove(session.getId());
    boolean keep = persistent.remove(session.getId());
    if (clientKey != null) {
      byClientKey.remove(clientKey, connection);
    }
    if (connection == null) {
      return;
    }
    if (connection.actor() == null) {
      connection.closed();
      return;
    }
    router.remove(connection);
    connection.closed();
    if (keep) {
      sessions.put(clientKey, connection.state());
    }
  }

  @Override
  public void onEvent(BusEvent event) {
    switch (event) {
      case BusEvent.Changes changes ->
          router.route(changes.notices(), (c, change) -> c.submit(() -> delivery.deliver(c, change)));
      case BusEvent.AccessRevocation revocation -> closeRevoked(revocation);
      case BusEvent.TypingNotice ignored -> { } // Amity's chat has no typing event over MQTT.
    }
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
          router.refollow(connection);
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

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
  }
}
