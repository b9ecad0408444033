package dev.switchboard.access;

import java.util.Objects;

/** The operator's key for the native admin API. */
public final class AdminKey {
  private final String keyHash;

  public AdminKey(String key) {
    this.keyHash = SecretHashes.sha256(Objects.requireNonNull(key));
  }

  /** Hash both sides first so the comparison leaks neither content nor length. */
  public boolean matches(String candidate) {
    return candidate != null
        && SecretHashes.constantTimeEquals(keyHash, SecretHashes.sha256(candidate));
  }
}
