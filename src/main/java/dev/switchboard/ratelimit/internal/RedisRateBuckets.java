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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every node (Bucket4j's compare-and-swap proxy over Lettuce), so a
 * limit holds for the cluster rather than per node. Keys expire once their bucket would be full
 * again. While Redis cannot be reached, each node counts in its own buckets instead of refusing
 * or waving everything through; the log says so once a minute.
 */
public class RedisRateBuckets implements RateBuckets, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisRateBuckets.class);
  private static final String PREFIX = "switchboard:rate:";
  private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final ProxyManager<byte[]> proxies;
  private final RateBuckets fallback = new LocalRateBuckets();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  public RedisRateBuckets(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    this.client.setOptions(
        ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2))).build());
    this.connection = client.connect(ByteArrayCodec.INSTANCE);
    this.proxies =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .requestTimeout(Duration.ofSeconds(2))
            .build();
  }

  @Override
  public Verdict tryConsume(String key, List<Limit> limits) {
    try {
      return BucketShapes.verdict(
          proxies
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
      proxies.builder().build(redisKey(key), () -> BucketShapes.configuration(limits)).addTokens(1);
    } catch (RuntimeException e) {
      unreachable(e);
      fallback.refund(key, limits);
    }
  }

  @Override
  public void reset(String key) {
    try {
      proxies.removeProxy(redisKey(key));
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
    connection.close();
    client.shutdown();
  }
}
