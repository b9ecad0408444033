package dev.switchboard.realtime.gateway;

import dev.switchboard.access.TokenService;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.Faces;
import dev.switchboard.realtime.RealtimeProperties;
import dev.switchboard.realtime.bus.BusEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The WebSocket gateway of this node: its connections, their timers (authentication deadline,
 * heartbeats) and the handler and handshake interceptor to register at {@code /realtime/v1}.
 * Connection work runs on virtual threads; the timers only queue work.
 */
public final class RealtimeGateway implements AutoCloseable {
  private final RealtimeProperties properties;
  private final Connections connections;
  private final RealtimeHandler handler;
  private final HandshakeAuthentication handshake;
  private final Subscriptions.Factory subscriptions;
  private final MeterRegistry meters;
  private final Faces faces;
  private final Clock clock;
  private final Connection.Bounds limits;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("realtime-timers").daemon().factory());

  public RealtimeGateway(
      RealtimeProperties properties,
      TokenService tokens,
      ConversationService conversations,
      ChangeFeed feed,
      Faces faces,
      tools.jackson.databind.json.JsonMapper json,
      MeterRegistry meters,
      Clock clock) {
    this.properties = properties;
    this.meters = meters;
    this.faces = faces;
    this.clock = clock;
    this.limits =
        new Connection.Bounds(
            properties.queueSize(),
            properties.queueBytes().toBytes(),
            properties.sendTimeout().toMillis());
    Gauge.builder("switchboard.realtime.connections", this, RealtimeGateway::connectionCount)
        .description("Open realtime WebSocket connections on this node")
        .register(meters);
    Frames frames = new Frames(json);
    RealtimeMeters counters = new RealtimeMeters(meters, clock);
    this.connections = new Connections(conversations::memberships, frames);
    this.subscriptions =
        connection ->
            new Subscriptions(
                connection, feed, json, frames, id -> connections.follow(connection, id), counters,
                clock.instant());
    this.handler = new RealtimeHandler(this, tokens, feed, json, frames);
    this.handshake = new HandshakeAuthentication(tokens);
    faces.add(connections);
    long beat = properties.heartbeat().toMillis();
    timers.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    // Checks blocked writes a few times per send timeout, so a stuck client is closed within
    // about 1.25 send timeouts.
    long watch = Math.max(100, properties.sendTimeout().toMillis() / 4);
    timers.scheduleWithFixedDelay(this::closeBlocked, watch, watch, TimeUnit.MILLISECONDS);
  }

  public WebSocketHandler handler() {
    return handler;
  }

  public HandshakeInterceptor handshake() {
    return handshake;
  }

  /** Open connections on this node (authenticated or not). */
  public int connectionCount() {
    return connections.size();
  }

  /** One user's open connections on this node. */
  public record UserConnections(String tenantId, String userId, int connections) {}

  /**
   * This node's authenticated connections per user, most first, at most {@code limit} users;
   * of one domain ({@code tenantId}) or of all (null).
   */
  public java.util.List<UserConnections> perUser(String tenantId, int limit) {
    return connections.perUser(tenantId).entrySet().stream()
        .map(e -> {
          String[] parts = e.getKey().split("\u0000", 2);
          return new UserConnections(parts[0], parts[1], e.getValue());
        })
        .sorted(java.util.Comparator.comparingInt(UserConnections::connections).reversed())
        .limit(limit)
        .toList();
  }

  Connection open(WebSocketSession session) {
    Connection.limitBlockingWrites(session, properties.sendTimeout().toMillis());
    Connection connection =
        new Connection(session, limits, clock, workers, subscriptions, this::countClose);
    connections.add(connection);
    return connection;
  }

  Connection connection(WebSocketSession session) {
    return connections.get(session.getId());
  }

  /** A connection's own event (typing): to this node's faces and the other nodes. */
  void publish(BusEvent event) {
    faces.publish(event);
  }

  /** Routes the connection's conversations to it; reads its memberships (on its own task). */
  void authenticated(Connection connection) {
    connections.authenticated(connection);
  }

  void follow(Connection connection, String conversationId) {
    connections.follow(connection, conversationId);
  }

  void closed(WebSocketSession session) {
    Connection connection = connections.get(session.getId());
    if (connection != null) {
      connections.remove(connection);
    }
  }

  void closeUnlessAuthenticated(Connection connection) {
    timers.schedule(
        () -> {
          if (connection.actor() == null) {
            connection.close(CloseCodes.AUTH_TIMEOUT);
          }
        },
        properties.authTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Server-side closes by code, so slow consumers and dead peers are visible in metrics. */
  private void countClose(CloseStatus status) {
    meters.counter("switchboard.realtime.closes", "code", Integer.toString(status.getCode())).increment();
  }

  /** Closes (4008) every connection whose write has been blocked longer than the send timeout. */
  private void closeBlocked() {
    for (Connection connection : connections.all()) {
      if (connection.blockedTooLong()) {
        connection.close(CloseCodes.TOO_SLOW);
      }
    }
  }

  /**
   * Pings every connection not already waiting for a pong; a peer that has not answered a ping
   * sent two beats ago is dead and is closed. The clock starts when the ping is written, not
   * when it is queued, so a busy connection is never mistaken for a dead one (a client that
   * stops reading fills its mailbox instead and is closed as too slow).
   */
  private void heartbeat() {
    Instant deadline = clock.instant().minus(properties.heartbeat().multipliedBy(2));
    for (Connection connection : connections.all()) {
      if (connection.silentSince(deadline)) {
        connection.close(CloseCodes.HEARTBEAT_TIMEOUT);
      } else if (!connection.awaitingPong()) {
        connection.requestPing();
      }
    }
  }

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
  }
}
