package dev.switchboard.ratelimit;

import java.util.List;

/**
 * Token buckets by key: in this process, or in Redis so that every node counts against the same
 * buckets. Each call is atomic: of concurrent attempts on one bucket, exactly as many succeed as
 * it holds tokens. A key always names the same limits (the key carries what it limits).
 */
public interface RateBuckets {
  /** Takes one token from the key's bucket, made with {@code limits} when it does not exist. */
  Verdict tryConsume(String key, List<Limit> limits);

  /** Gives one token back (an attempt that turned out not to count). */
  void refund(String key, List<Limit> limits);

  /** Forgets the bucket: the next attempt starts full. */
  void reset(String key);

  /** Where the buckets live, for the log and the metrics: {@code local} or {@code redis}. */
  String kind();
}
