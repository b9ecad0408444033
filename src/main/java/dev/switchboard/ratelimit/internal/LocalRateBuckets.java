package dev.switchboard.ratelimit.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.RateBuckets;
import dev.switchboard.ratelimit.Verdict;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;

/**
 * Buckets in this process (Bucket4j's lock-free local buckets) in a bounded cache. A bucket is
 * dropped once untouched for its longest period, when it would be full anyway; past the bound
 * the least recently used go first, which can only make a limit more lenient, never stricter.
 */
public class LocalRateBuckets implements RateBuckets {
  private static final int MAX_BUCKETS = 200_000;

  private record Entry(Bucket bucket, Duration idle) {}

  private final Cache<String, Entry> buckets =
      Caffeine.newBuilder()
          .maximumSize(MAX_BUCKETS)
          .expireAfter(
              new Expiry<String, Entry>() {
                @Override
                public long expireAfterCreate(String key, Entry entry, long now) {
                  return entry.idle().toNanos();
                }

                @Override
                public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                  return entry.idle().toNanos();
                }

                @Override
                public long expireAfterRead(String key, Entry entry, long now, long current) {
                  return entry.idle().toNanos();
                }
              })
          .build();

  @Override
  public Verdict tryConsume(String key, List<Limit> limits) {
    return BucketShapes.verdict(bucket(key, limits).tryConsumeAndReturnRemaining(1));
  }

  @Override
  public void refund(String key, List<Limit> limits) {
    Entry entry = buckets.getIfPresent(key);
    if (entry != null) {
      entry.bucket().addTokens(1);
    }
  }

  @Override
  public void reset(String key) {
    buckets.invalidate(key);
  }

  @Override
  public String kind() {
    return "local";
  }

  private Bucket bucket(String key, List<Limit> limits) {
    return buckets
        .get(
            key,
            k ->
                new Entry(BucketShapes.localBucket(limits), BucketShapes.longest(limits)))
        .bucket();
  }
}
