package dev.switchboard.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage port for per-domain secure mode: a domain with a server key requires sessions to
 * present an auth token minted with that key for the same user.
 */
public interface SecureMode {
  /** The domain of a server key and whether its secure mode is on. */
  record ServerKeyOwner(String tenantId, boolean secureMode) {}

  /** Sets (or replaces) the domain's server key hash and turns secure mode on. */
  void enable(String tenantId, String serverKeyHash, Instant now);

  /** Turns secure mode off (the key stays, so minting answers "secure mode disabled"). */
  boolean disable(String tenantId, Instant now);

  boolean isEnabled(String tenantId);

  Optional<ServerKeyOwner> ownerOfServerKey(String serverKeyHash);

  void insertAuthToken(String tokenHash, String tenantId, String userId, Instant expiresAt);

  /** Whether the token was minted for this user of this domain and is still valid. */
  boolean authTokenValid(String tokenHash, String tenantId, String userId, Instant now);

  /** Forgets tokens that expired before {@code cutoff}. */
  int purgeAuthTokens(Instant cutoff);
}
