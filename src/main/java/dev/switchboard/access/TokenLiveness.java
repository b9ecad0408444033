package dev.switchboard.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether the session behind an access token still stands: its domain is the one the token
 * names, and its device session or refresh family has not been revoked. Every access token
 * carries its session ({@code sid}): a device session (Amity) or the refresh family of a
 * password login. Answers are remembered for {@code revocationCheck} (10 s by default): a logout
 * or a revoked family reaches the node that revoked it at once (the entry is dropped after the
 * commit) and every other node within that bound, while requests skip a database read.
 */
public class TokenLiveness {
  private record Key(String tenantId, String domain, String sessionId) {}

  private final DeviceSessions deviceSessions;
  private final RefreshTokens refreshTokens;
  private final TenantService tenants;
  private final Clock clock;
  private final Cache<Key, Boolean> answers;

  public TokenLiveness(
      DeviceSessions deviceSessions,
      RefreshTokens refreshTokens,
      TenantService tenants,
      Clock clock,
      Duration revocationCheck) {
    this.deviceSessions = deviceSessions;
    this.refreshTokens = refreshTokens;
    this.tenants = tenants;
    this.clock = clock;
    this.answers =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(revocationCheck).build();
  }

  public boolean isLive(String tenantId, String domain, String sessionId) {
    return answers.get(new Key(tenantId, domain, sessionId), this::lookUp);
  }

  /** Forgets what this node knows of the session, now and again when the transaction commits. */
  public void forget(String sessionId) {
    answers.asMap().keySet().removeIf(key -> key.sessionId().equals(sessionId));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              answers.asMap().keySet().removeIf(key -> key.sessionId().equals(sessionId));
            }
          });
    }
  }

  private boolean lookUp(Key key) {
    boolean sameDomain =
        tenants.findById(key.tenantId()).map(t -> t.name().equals(key.domain())).orElse(false);
    if (!sameDomain) {
      return false;
    }
    Instant now = clock.instant();
    return deviceSessions.findLive(key.tenantId(), key.sessionId(), now).isPresent()
        || refreshTokens.familyLive(key.tenantId(), key.sessionId(), now);
  }
}
