package dev.switchboard.access;

import java.time.Instant;
import java.util.Optional;

/** Storage port for refresh tokens, kept only as SHA-256 hashes. */
public interface RefreshTokens {
  /** The owner of a refresh token and the rotation family it belongs to. */
  record Grant(String tenantId, String userId, String familyId) {}

  void insert(String tokenHash, Grant grant, Instant expiresAt, Instant now);

  /**
   * Marks the token used if it is unused and unexpired, atomically; returns its grant only when
   * this call was the one that used it.
   */
  Optional<Grant> consume(String tokenHash, Instant now);

  /** The family of a known token, used or not: a used token shown again means theft. */
  Optional<String> familyOf(String tokenHash);

  void revokeFamily(String familyId, Instant now);

  /** The owner of a refresh family (any of its tokens' grant), if the family exists. */
  Optional<Grant> familyOwner(String familyId);

  /** Marks every unused refresh token of the user used; returns how many. */
  int revokeUser(String tenantId, String userId, Instant now);

  /** Marks every unused refresh token of the domain used; returns how many. */
  int revokeTenant(String tenantId, Instant now);

  /** Whether the family still holds an unused, unexpired token: it was neither revoked nor left. */
  boolean familyLive(String tenantId, String familyId, Instant now);
}
