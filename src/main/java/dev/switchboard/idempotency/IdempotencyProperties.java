package dev.switchboard.idempotency;

import java.time.Duration;

/**
 * Bound from {@code switchboard.idempotency.*} by the configuration module.
 *
 * @param ttl how long a key's outcome is kept and replayed (default 24 hours); after that the key
 *     may be used again for a new request
 * @param waitForFirst how long a duplicate waits for the first request with its key to finish
 *     before it is told that request is still in progress (default 5 seconds)
 * @param lease how long a claim stays in progress without an outcome before another request with
 *     the key may take over (the first one died; default 1 minute)
 */
public record IdempotencyProperties(Duration ttl, Duration waitForFirst, Duration lease) {
  public IdempotencyProperties {
    ttl = ttl == null ? Duration.ofHours(24) : ttl;
    waitForFirst = waitForFirst == null ? Duration.ofSeconds(5) : waitForFirst;
    lease = lease == null ? Duration.ofMinutes(1) : lease;
  }
}
