package dev.switchboard.access;

import java.time.Duration;

/**
 * Token lifetimes. Bound from {@code switchboard.tokens.*} by the configuration module.
 *
 * @param accessTtl how long a signed access token is accepted (default 1 hour)
 * @param refreshTtl how long an unused refresh token may be exchanged (default 30 days)
 */
public record AccessProperties(Duration accessTtl, Duration refreshTtl) {
  public AccessProperties {
    accessTtl = accessTtl == null ? Duration.ofHours(1) : accessTtl;
    refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
  }
}
