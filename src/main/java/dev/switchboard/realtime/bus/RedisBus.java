package dev.switchboard.realtime.bus;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out between nodes over Redis pub/sub. Each event carries its node's id; a node ignores its
 * own, which it has already delivered in process. While Redis is down, publishes are dropped
 * (the change log has everything); when it is back, listeners are told to catch up.
 */
public class RedisBus implements RealtimeBus, AutoCloseable {
  static final String CHANNEL = "switchboard:realtime";
  private static final Logger log = LoggerFactory.getLogger(RedisBus.class);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> publisher;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final BusCodec codec;
  private final String nodeId = UUID.randomUUID().toString();
  private final List<BusListener> listeners = new CopyOnWriteArrayList<>();

  public RedisBus(String redisUrl, JsonMapper json) {
    this.codec = new BusCodec(json);
    this.client = RedisClient.create(redisUrl);
    this.client.addListener(new Recovery());
    this.publisher = client.connect();
    this.subscriber = client.connectPubSub();
    this.subscriber.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            dispatch(message);
          }
        });
    this.subscriber.sync().subscribe(CHANNEL);
  }

  @Override
  public void publish(BusEvent event) {
    publisher
        .async()
        .publish(CHANNEL, codec.encode(nodeId, event))
        .exceptionally(
            failure -> {
              log.warn("Realtime bus publish failed; receivers will catch up from the log: {}",
                  failure.toString());
              return 0L;
            });
  }

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public boolean connected() {
    return publisher.isOpen() && subscriber.isOpen();
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
    listeners.forEach(listener -> listener.onEvent(envelope.event()));
  }

  @Override
  public void close() {
    subscriber.close();
    publisher.close();
    client.shutdown();
  }

  /** Lettuce reconnects (and resubscribes) by itself; we only need to know when it did. */
  private final class Recovery implements RedisConnectionStateListener {
    private volatile boolean lost;

    @Override
    public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
      lost = true;
    }

    @Override
    public void onRedisConnected(
        io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
      if (lost) {
        lost = false;
        log.info("Realtime bus reconnected to Redis; connections catch up from the change log");
        listeners.forEach(BusListener::onRecovered);
      }
    }
  }
}
