package dev.switchboard.realtime.bus;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out between nodes over Redis pub/sub. Each event carries its node's id; a node ignores its
 * own, which it has already delivered in process. Redis is optional for a node to serve: the bus
 * connects in the background (a node starts while Redis is down), retries with a backoff bounded
 * by {@code retryMax}, and while it is away publishes fail at once and are dropped (the change
 * log has everything; other nodes catch up from it, see ADR 0024).
 *
 * <p>"Connected" means proven end to end: every {@link #ECHO_EVERY} the node publishes a probe on
 * an echo channel it is subscribed to, and the bus counts as connected only while both
 * connections are open and its own probe came back within {@link #ECHO_STALE}. A subscription
 * that silently stopped is therefore seen as down, not just a closed socket.
 */
public class RedisBus implements RealtimeBus {
  static final String CHANNEL = "switchboard:realtime";
  static final String ECHO_CHANNEL = "switchboard:realtime:echo";
  static final Duration ECHO_EVERY = Duration.ofMillis(500);
  static final Duration ECHO_STALE = Duration.ofSeconds(2);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Logger log = LoggerFactory.getLogger(RedisBus.class);

  private final ClientResources resources;
  private final RedisClient client;
  private final BusCodec codec;
  private final Clock clock;
  private final Duration retryMax;
  private final String nodeId = UUID.randomUUID().toString();
  private final List<BusListener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("realtime-bus").daemon().factory());
  private final BusState state;
  private final Counter published;
  private final Counter publishFailures;
  private final Counter received;
  private final Timer lag;
  private volatile StatefulRedisConnection<String, String> publisher;
  private volatile StatefulRedisPubSubConnection<String, String> subscriber;
  private volatile Instant lastEcho = Instant.EPOCH;
  private volatile boolean closed;

  /**
   * Returns at once: the connections are made in the background, so a node starts and serves
   * whether Redis is up or not.
   */
  public RedisBus(
      String redisUrl, JsonMapper json, Clock clock, MeterRegistry meters, Duration retryMax) {
    this.codec = new BusCodec(json);
    this.clock = clock;
    this.retryMax = retryMax;
    this.resources =
        ClientResources.builder()
            .reconnectDelay(
                () -> Delay.exponential(FIRST_RETRY, retryMax, 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, redisUrl);
    this.client.setOptions(
        ClientOptions.builder()
            // Fail a publish at once while disconnected instead of queueing it in memory.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(ECHO_STALE))
            .socketOptions(SocketOptions.builder().connectTimeout(ECHO_STALE).build())
            .build());
    this.state = new BusState(clock, listeners);
    this.client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            // Down at once, however fast Lettuce reconnects: events may have been missed, so
            // the bus only counts as back after a fresh echo, and listeners then catch up.
            lastEcho = Instant.EPOCH;
            if (!closed) {
              state.update(false, "connection lost");
            }
          }
        });
    this.published = meters.counter("switchboard.realtime.bus.published", "outcome", "sent");
    this.publishFailures = meters.counter("switchboard.realtime.bus.published", "outcome", "failed");
    this.received = meters.counter("switchboard.realtime.bus.received");
    this.lag =
        Timer.builder("switchboard.realtime.bus.lag")
            .description("From publish on one node to arrival on another (includes clock skew)")
            .register(meters);
    timer.execute(() -> connect(FIRST_RETRY));
    timer.scheduleWithFixedDelay(
        this::probe, ECHO_EVERY.toMillis(), ECHO_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One attempt to open both connections; on failure the next one after a bounded backoff. */
  private void connect(Duration backoff) {
    if (closed) {
      return;
    }
    StatefulRedisPubSubConnection<String, String> pubSub = null;
    try {
      if (publisher == null) {
        publisher = client.connect();
      }
      pubSub = client.connectPubSub();
      pubSub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              if (ECHO_CHANNEL.equals(channel)) {
                if (nodeId.equals(message)) {
                  lastEcho = clock.instant();
                }
              } else {
                dispatch(message);
              }
            }
          });
      pubSub.sync().subscribe(CHANNEL, ECHO_CHANNEL);
      subscriber = pubSub;
      probe();
    } catch (RuntimeException unreachable) {
      if (pubSub != null) {
        pubSub.close();
      }
      state.update(false, unreachable.getMessage());
      Duration next = backoff.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : backoff.multipliedBy(2);
      timer.schedule(() -> connect(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Sends this node's echo probe and re-evaluates the state (on the bus's timer thread). */
  private void probe() {
    StatefulRedisConnection<String, String> pub = publisher;
    StatefulRedisPubSubConnection<String, String> sub = subscriber;
    if (closed || pub == null || sub == null) {
      return;
    }
    if (pub.isOpen()) {
      pub.async().publish(ECHO_CHANNEL, nodeId);
    }
    boolean fresh = !lastEcho.isBefore(clock.instant().minus(ECHO_STALE));
    boolean up = pub.isOpen() && sub.isOpen() && fresh;
    state.update(up, up ? null : !pub.isOpen() || !sub.isOpen() ? "connection lost" : "no echo");
  }

  @Override
  public void publish(BusEvent event) {
    StatefulRedisConnection<String, String> pub = publisher;
    if (pub == null) {
      publishFailures.increment();
      return;
    }
    pub.async()
        .publish(CHANNEL, codec.encode(nodeId, clock.instant().toEpochMilli(), event))
        .whenComplete(
            (receivers, failure) -> {
              // No log per message: the state change is logged once (BusState).
              (failure == null ? published : publishFailures).increment();
            });
  }

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public boolean connected() {
    return state.connected();
  }

  @Override
  public Instant since() {
    return state.since();
  }

  @Override
  public void subscribe(BusListener listener) {
    listeners.add(listener);
  }

  private void dispatch(String message) {
    BusCodec.Envelope envelope;
    try {
      envelope = codec.decode(message);
    } catch (RuntimeException malformed) {
      log.warn("Ignoring a malformed realtime bus message: {}", malformed.toString());
      return;
    }
    if (nodeId.equals(envelope.origin()) || envelope.event() == null) {
      return;
    }
    received.increment();
    if (envelope.sentAt() != null) {
      long millis = clock.millis() - envelope.sentAt();
      lag.record(Duration.ofMillis(Math.max(0, millis)));
    }
    listeners.forEach(listener -> listener.onEvent(envelope.event()));
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    if (subscriber != null) {
      subscriber.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    client.shutdown();
    resources.shutdown();
  }
}
