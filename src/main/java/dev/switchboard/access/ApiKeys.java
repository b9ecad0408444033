package dev.switchboard.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for domain API keys (hashed). */
public interface ApiKeys {
  /** Stores a new key; false when its id is already taken in the domain. */
  boolean insert(ApiKey key, String keyHash);

  /** The unrevoked keys with this id, in whichever domains they are. */
  List<ApiKeyInfo> findLive(String keyId);

  /** Replaces an unrevoked key's description; false when there is no such key. */
  boolean describe(String tenantId, String keyId, String description);

  /** The key with this hash, unless it was revoked. */
  Optional<ApiKey> findByHash(String keyHash);

  /**
   * The domain's keys, newest first; {@code text} (optional) matches the id, description or
   * user, case-insensitively.
   */
  List<ApiKeyInfo> list(String tenantId, String text, int limit, long offset);

  long count(String tenantId, String text);

  Optional<ApiKeyInfo> find(String tenantId, String keyId);

  /** Revokes one key; false when it does not exist or was already revoked. */
  boolean revoke(String tenantId, String keyId, Instant now);

  /** Revokes every live key that acts as the user; returns how many. */
  int revokeActingAs(String tenantId, String userId, Instant now);

  /** Revokes every live key of the domain; returns how many. */
  int revokeTenant(String tenantId, Instant now);

  /** Records a use of the key. */
  void touch(String tenantId, String keyId, Instant now);
}
