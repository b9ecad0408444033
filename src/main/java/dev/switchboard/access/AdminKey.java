package dev.switchboard.access;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's key for the native admin API, and during a rotation the keys it replaces: they
 * keep working (each use logged) until the operator removes them from the configuration.
 */
public final class AdminKey {
  private static final Logger log = LoggerFactory.getLogger(AdminKey.class);

  private final String keyHash;
  private final List<String> previousHashes;

  public AdminKey(String key) {
    this(key, List.of());
  }

  public AdminKey(String key, List<String> previousKeys) {
    this.keyHash = SecretHashes.sha256(Objects.requireNonNull(key));
    this.previousHashes = previousKeys.stream()
        .filter(previous -> previous != null && !previous.isBlank())
        .map(previous -> SecretHashes.sha256(previous.strip()))
        .toList();
  }

  /** Hash both sides first so the comparison leaks neither content nor length. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    String hash = SecretHashes.sha256(candidate);
    if (SecretHashes.constantTimeEquals(keyHash, hash)) {
      return true;
    }
    for (String previous : previousHashes) {
      if (SecretHashes.constantTimeEquals(previous, hash)) {
        log.warn("An admin request used a previous admin key: switch the client to the current"
            + " key, then remove it from switchboard.previous-admin-keys");
        return true;
      }
    }
    return false;
  }
}
