package dev.switchboard.access;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device sessions opened with a domain API key (Amity's {@code POST /sessions}): unknown users
 * are created, one live session per device, optional secure mode with server-minted auth tokens.
 * An API key is not a password for privileged users (ADR 0014): it opens sessions only for Basic
 * Users, its tokens never carry a scope above Basic User, and it renames an existing user only
 * when the domain allows it, whatever secure mode says.
 */
@Service
public class DeviceSessionService {
  /** Amity documents 30 days for session access tokens. */
  static final Duration SESSION_TTL = Duration.ofDays(30);

  static final Duration AUTH_TOKEN_TTL = Duration.ofMinutes(10);
  private static final String AUTH_TOKEN_PREFIX = "sbt_";
  private static final String SERVER_KEY_PREFIX = "sbs_";

  private final DeviceSessions sessions;
  private final SecureMode secureMode;
  private final KeySessionPolicies policies;
  private final TokenService tokens;
  private final TenantService tenants;
  private final UserService users;
  private final Ids ids;
  private final Clock clock;

  public DeviceSessionService(
      DeviceSessions sessions,
      SecureMode secureMode,
      KeySessionPolicies policies,
      TokenService tokens,
      TenantService tenants,
      UserService users,
      Ids ids,
      Clock clock) {
    this.sessions = sessions;
    this.secureMode = secureMode;
    this.policies = policies;
    this.tokens = tokens;
    this.tenants = tenants;
    this.users = users;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Opens a session for a user of the API key's domain. The previous session of the same device
   * stops working (its access and refresh tokens alike).
   */
  @Transactional
  public OpenedDeviceSession open(ApiKey apiKey, OpenDeviceSession request) {
    request.validate();
    Tenant tenant =
        tenants.findById(apiKey.tenantId()).orElseThrow(() -> invalid("Invalid API key"));
    Instant now = clock.instant();
    if (secureMode.isEnabled(tenant.id())
        && (request.authToken() == null
            || !secureMode.authTokenValid(
                SecretHashes.sha256(request.authToken()), tenant.id(), request.userId(), now))) {
      throw DomainException.unauthenticated("A valid authToken is required in secure mode");
    }
    User user = users.provision(tenant.id(), request.userId(), request.displayName());
    if (user.scope() != Scope.BASIC_USER) {
      throw DomainException.forbidden(
          "An API key cannot open a session for a user whose scope is above Basic User");
    }
    if (policies.profileUpdates(tenant.id())) {
      user = users.rename(user, request.displayName());
    }
    revokeAll(
        tenant.id(), sessions.revokeDevice(tenant.id(), user.userId(), request.deviceId(), now), now);
    DeviceSession session =
        new DeviceSession(
            tenant.id(),
            ids.next(),
            user.userId(),
            request.deviceId(),
            request.device() == null ? DeviceSession.DeviceInfo.NONE : request.device(),
            now,
            now.plus(SESSION_TTL));
    sessions.insert(session);
    TokenPair pair = tokens.issueForSession(tenant, user, session);
    return new OpenedDeviceSession(
        pair.accessToken(), pair.refreshToken(), now, session.expiresAt(), user);
  }

  /**
   * Revokes the session of the presented access token: a device session, or the refresh family
   * of a password login (logout).
   */
  @Transactional
  public void revoke(String accessToken) {
    var verified = tokens.verifyToken(accessToken);
    Instant now = clock.instant();
    sessions.revoke(verified.actor().tenantId(), verified.sessionId(), now);
    tokens.revokeFamily(verified.sessionId(), now);
  }

  /** Revokes every session of a user of the actor's domain; domain administrators only. */
  @Transactional
  public void revokeUser(Actor actor, String userId) {
    if (!actor.scope().atLeast(Scope.OFFICE_MANAGER)) {
      throw DomainException.forbidden("Only an administrator can revoke another user's sessions");
    }
    users.find(actor.tenantId(), userId).orElseThrow(() -> DomainException.notFound("user"));
    Instant now = clock.instant();
    revokeAll(actor.tenantId(), sessions.revokeUser(actor.tenantId(), userId, now), now);
  }

  /**
   * Mints a short-lived auth token for a user with the domain's server key. Empty when the key
   * is unknown; FORBIDDEN when the domain's secure mode is off.
   */
  @Transactional
  public Optional<String> mintAuthToken(String serverKey, String userId) {
    new Violations()
        .check(userId != null && !userId.isEmpty() && userId.length() <= 50,
            "userId must be between 1 and 50 characters")
        .throwIfAny();
    if (serverKey == null || !serverKey.startsWith(SERVER_KEY_PREFIX)) {
      return Optional.empty();
    }
    Optional<SecureMode.ServerKeyOwner> owner =
        secureMode.ownerOfServerKey(SecretHashes.sha256(serverKey));
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    if (!owner.get().secureMode()) {
      throw DomainException.forbidden("Secure mode is disabled for this network");
    }
    Instant now = clock.instant();
    secureMode.purgeAuthTokens(now);
    String token = SecretHashes.newSecret(AUTH_TOKEN_PREFIX);
    secureMode.insertAuthToken(
        SecretHashes.sha256(token), owner.get().tenantId(), userId, now.plus(AUTH_TOKEN_TTL));
    return Optional.of(token);
  }

  /** Turns secure mode on with a new server key, shown once to the caller. */
  @Transactional
  public String enableSecureMode(String tenantId) {
    String serverKey = SecretHashes.newSecret(SERVER_KEY_PREFIX);
    secureMode.enable(tenantId, SecretHashes.sha256(serverKey), clock.instant());
    return serverKey;
  }

  @Transactional
  public void disableSecureMode(String tenantId) {
    secureMode.disable(tenantId, clock.instant());
  }

  /** Whether sessions opened with the domain's API keys may rename existing users. */
  @Transactional(readOnly = true)
  public boolean profileUpdates(String tenantId) {
    return policies.profileUpdates(tenantId);
  }

  @Transactional
  public void setProfileUpdates(String tenantId, boolean allowed) {
    policies.setProfileUpdates(tenantId, allowed, clock.instant());
  }

  private void revokeAll(String tenantId, List<String> sessionIds, Instant now) {
    sessionIds.forEach(id -> tokens.revokeFamily(id, now));
  }

  private static DomainException invalid(String message) {
    return DomainException.unauthenticated(message);
  }
}
