package dev.switchboard.sms;

import dev.switchboard.access.SecretHashes;

/** The shared secret an HTTP carrier presents on its callbacks; none configured admits nobody. */
public final class CarrierCallbackSecret {
  public static final CarrierCallbackSecret NONE = new CarrierCallbackSecret(null);

  private final String secretHash;

  public CarrierCallbackSecret(String secret) {
    this.secretHash = secret == null || secret.isBlank() ? null : SecretHashes.sha256(secret);
  }

  public boolean configured() {
    return secretHash != null;
  }

  /** Hash both sides first so the comparison leaks neither content nor length. */
  public boolean matches(String candidate) {
    return secretHash != null
        && candidate != null
        && SecretHashes.constantTimeEquals(secretHash, SecretHashes.sha256(candidate));
  }
}
