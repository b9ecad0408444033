package dev.switchboard.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Slows password guessing: each (domain, user) may fail {@code maxFailures} times per {@code
 * window}; further attempts are refused, even with the right password, until the bucket refills.
 * Unknown users are throttled alike, so the limit reveals nothing about who exists. Buckets live
 * in a bounded in-memory cache: per node, which multiplies the limit by the node count.
 */
public class LoginThrottle {
  private static final int MAX_TRACKED = 100_000;

  private final Cache<String, Bucket> buckets;
  private final int maxFailures;
  private final Duration window;

  public LoginThrottle(int maxFailures, Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.buckets =
        Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(window).build();
  }

  /** Refuses the attempt when the account has no failures left in the current window. */
  public void checkAllowed(String domain, String userId) {
    Bucket bucket = buckets.getIfPresent(key(domain, userId));
    if (bucket != null && bucket.getAvailableTokens() <= 0) {
      throw new DomainException(
          ErrorCode.RATE_LIMITED, "Too many failed logins; try again later");
    }
  }

  public void recordFailure(String domain, String userId) {
    buckets.get(key(domain, userId), k -> newBucket()).tryConsume(1);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(maxFailures)
                .refillGreedy(maxFailures, window)
                .build())
        .build();
  }

  private static String key(String domain, String userId) {
    return domain + "\u0000" + userId;
  }
}
