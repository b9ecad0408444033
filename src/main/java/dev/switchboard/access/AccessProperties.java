package dev.switchboard.access;

import java.time.Duration;

/**
 * Token lifetimes. Bound from {@code switchboard.tokens.*} by the configuration module.
 *
 * @param accessTtl how long a signed access token is accepted (default 1 hour)
 * @param refreshTtl how long an unused refresh token may be exchanged (default 30 days)
 * @param revocationCheck how long a node may go on trusting that an access token's session was
 *     not revoked elsewhere (default 10 seconds): the bound within which a logout or a revoked
 *     refresh family reaches every node
 */
public record AccessProperties(Duration accessTtl, Duration refreshTtl, Duration revocationCheck) {
  public AccessProperties {
    accessTtl = accessTtl == null ? Duration.ofHours(1) : accessTtl;
    refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
    revocationCheck = revocationCheck == null ? Duration.ofSeconds(10) : revocationCheck;
  }
}
