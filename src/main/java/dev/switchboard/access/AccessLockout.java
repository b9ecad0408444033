package dev.switchboard.access;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes, in the caller's transaction, every credential acting as a user or as anyone of a
 * domain: signed access tokens (through {@link AccessRevocations}), refresh tokens, device
 * sessions and API keys. The realtime layer closes the matching WebSockets on every node when
 * the {@link AccessRevoked} event of the commit reaches it.
 */
@Service
public class AccessLockout {
  private final AccessRevocations revocations;
  private final RefreshTokens refreshTokens;
  private final DeviceSessions deviceSessions;
  private final ApiKeys apiKeys;

  public AccessLockout(
      AccessRevocations revocations,
      RefreshTokens refreshTokens,
      DeviceSessions deviceSessions,
      ApiKeys apiKeys) {
    this.revocations = revocations;
    this.refreshTokens = refreshTokens;
    this.deviceSessions = deviceSessions;
    this.apiKeys = apiKeys;
  }

  /** How much was revoked. */
  public record Revoked(int refreshTokens, int deviceSessions, int apiKeys) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public Revoked revokeUser(String tenantId, String userId) {
    Instant now = revocations.revoke(tenantId, userId);
    return new Revoked(
        refreshTokens.revokeUser(tenantId, userId, now),
        deviceSessions.revokeUser(tenantId, userId, now).size(),
        apiKeys.revokeActingAs(tenantId, userId, now));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Revoked revokeDomain(String tenantId) {
    Instant now = revocations.revoke(tenantId, AccessRevocations.WHOLE_DOMAIN);
    return new Revoked(
        refreshTokens.revokeTenant(tenantId, now),
        deviceSessions.revokeTenant(tenantId, now),
        apiKeys.revokeTenant(tenantId, now));
  }
}
