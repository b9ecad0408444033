package dev.switchboard.webhook;

import java.time.Duration;

/**
 * How webhooks are delivered (switchboard.webhooks.*, docs/webhooks.md). {@code
 * allowPrivateAddresses} lets posts reach loopback, link-local and private addresses — for
 * tests and closed networks only; off by default.
 */
public record WebhookSettings(
    boolean allowPrivateAddresses,
    Duration horizon,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes,
    int concurrencyPerEndpoint,
    Duration pollInterval,
    Duration lease,
    int batchSize,
    int maxPerDomain,
    Duration keepSettled) {
  public WebhookSettings {
    if (initialBackoff.isZero() || initialBackoff.isNegative()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("webhook backoff needs 0 < initial <= max");
    }
    if (concurrencyPerEndpoint < 1 || batchSize < 1 || maxPerDomain < 1 || maxResponseBytes < 0) {
      throw new IllegalArgumentException("webhook limits must be positive");
    }
  }

  /**
   * The defaults of application.yml, for code that builds its own dispatcher (tests). Sixteen
   * posts in flight per endpoint: each post also waits for two commits of its own (claim,
   * settle), so with four one endpoint drained ~150-200 posts/s here (bench/README.md).
   */
  public static WebhookSettings defaults() {
    return new WebhookSettings(false, Duration.ofHours(24), Duration.ofSeconds(5),
        Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024, 16,
        Duration.ofSeconds(1), Duration.ofMinutes(2), 100, 50, Duration.ofDays(7));
  }

  public WebhookSettings allowingPrivateAddresses() {
    return new WebhookSettings(true, horizon, initialBackoff, maxBackoff, connectTimeout,
        requestTimeout, maxResponseBytes, concurrencyPerEndpoint, pollInterval, lease, batchSize,
        maxPerDomain, keepSettled);
  }
}
