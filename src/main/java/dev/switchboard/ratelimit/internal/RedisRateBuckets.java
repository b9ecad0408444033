package dev.switchboard.ratelimit.internal;

import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.RateBuckets;
import dev.switchboard.ratelimit.Verdict;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap proxy over Lettuce), so a
 * limit holds for the cluster rather than per node. Keys expire once their bucket would be full
 * again. While Redis cannot be reached, each node counts in its own buckets instead of refusing
 * or waving everything through; the log says so once a minute. Redis is optional for a node to
 * start: the connection is made in the background and retried (at most every 2 s) until Redis
 * answers, and while it is away commands fail at once rather than wait in a queue, so requests
 * never stall on it.
 */
public class RedisRateBuckets implements RateBuckets, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisRateBuckets.class);
  private static final String PREFIX = "switchboard:rate:";
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private static final Duration RETRY_MAX = Duration.ofSeconds(2);

  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledExecutorService connector =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("rate-limit-redis").daemon().factory());
  private volatile StatefulRedisConnection<byte[], byte[]> connection;
  private volatile ProxyManager<byte[]> proxies;
  private volatile boolean closed;
  private final RateBuckets fallback = new LocalRateBuckets();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  public RedisRateBuckets(String redisUrl) {
    this.resources =
        ClientResources.builder()
            .reconnectDelay(
                () -> Delay.exponential(Duration.ofMillis(100), RETRY_MAX, 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, redisUrl);
    this.client.setOptions(
        ClientOptions.builder()
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    connector.execute(() -> connect(Duration.ofMillis(100)));
  }

  private void connect(Duration backoff) {
    if (closed) {
      return;
    }
    try {
      connection = client.connect(ByteArrayCodec.INSTANCE);
      proxies =
          Bucket4jLettuce.casBasedBuilder(connection)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                      Duration.ofSeconds(10)))
              .requestTimeout(Duration.ofSeconds(2))
              .build();
    } catch (RuntimeException e) {
      unreachable(e);
      Duration next = backoff.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : backoff.multipliedBy(2);
      connector.schedule(() -> connect(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The shared buckets, or null until Redis was first reached. */
  private ProxyManager<byte[]> shared() {
    ProxyManager<byte[]> current = proxies;
    if (current == null) {
      throw new IllegalStateException("Redis not reached yet");
    }
    return current;
  }

  @Override
  public Verdict tryConsume(String key, List<Limit> limits) {
    try {
      return BucketShapes.verdict(
          shared()
              .builder()
              .build(redisKey(key), () -> BucketShapes.configuration(limits))
              .tryConsumeAndReturnRemaining(1));
    } catch (RuntimeException e) {
      unreachable(e);
      return fallback.tryConsume(key, limits);
    }
  }

  @Override
  public void refund(String key, List<Limit> limits) {
    try {
      shared().builder().build(redisKey(key), () -> BucketShapes.configuration(limits)).addTokens(1);
    } catch (RuntimeException e) {
      unreachable(e);
      fallback.refund(key, limits);
    }
  }

  @Override
  public void reset(String key) {
    try {
      shared().removeProxy(redisKey(key));
    } catch (RuntimeException e) {
      unreachable(e);
    }
    fallback.reset(key);
  }

  @Override
  public String kind() {
    return "redis";
  }

  private void unreachable(RuntimeException e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn("Rate limits: Redis unreachable, counting on this node only for now ({})",
          e.toString());
    }
  }

  private static byte[] redisKey(String key) {
    return (PREFIX + key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
    resources.shutdown();
  }
}
