package dev.switchboard.access;

import dev.switchboard.access.internal.JwtTokens;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks the tokens of every dialect: signed access tokens, and refresh tokens that
 * rotate on each use. A refresh token used twice revokes its whole family (OAuth 2.0 Security
 * BCP, refresh token rotation): whoever replays a stolen token logs the thief and victim out.
 * Every access token names its session ({@code sid}: a device session, or the refresh family of
 * a password login), so logging out or revoking a family also stops its access tokens, within
 * the bound {@link TokenLiveness} documents. Tokens of sessions opened with an API key carry
 * the Basic User scope, whatever the user's own (ADR 0014).
 */
@Service
public class TokenService {
  private static final String INVALID_CREDENTIALS = "Invalid credentials";
  private static final String REFRESH_PREFIX = "sbr_";

  private final JwtTokens jwt;
  private final LoginThrottle throttle;
  private final TokenLiveness liveness;
  private final RefreshTokens refreshTokens;
  private final DeviceSessions deviceSessions;
  private final AccessRevocations revocations;
  private final TenantService tenants;
  private final UserService users;
  private final AccessProperties properties;
  private final Ids ids;
  private final Clock clock;
  private final MeterRegistry registry;

  public TokenService(
      JwtTokens jwt,
      LoginThrottle throttle,
      TokenLiveness liveness,
      RefreshTokens refreshTokens,
      DeviceSessions deviceSessions,
      AccessRevocations revocations,
      TenantService tenants,
      UserService users,
      AccessProperties properties,
      Ids ids,
      Clock clock,
      MeterRegistry registry) {
    this.jwt = jwt;
    this.throttle = throttle;
    this.liveness = liveness;
    this.refreshTokens = refreshTokens;
    this.deviceSessions = deviceSessions;
    this.revocations = revocations;
    this.tenants = tenants;
    this.users = users;
    this.properties = properties;
    this.ids = ids;
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * Password login from a client address. Unknown domain, unknown user and wrong password all
   * answer alike; the login throttle admits the attempt before the password is checked.
   */
  @Transactional
  public TokenPair login(String domain, String userId, String password, String clientAddress) {
    String domainName = domain == null ? Tenant.DEFAULT_NAME : domain;
    LoginThrottle.Attempt attempt = throttle.begin(domainName, userId, clientAddress);
    Optional<Tenant> tenant = tenants.find(domainName);
    Optional<User> user =
        users.authenticate(tenant.map(Tenant::id).orElse(""), userId, password);
    if (tenant.isEmpty() || user.isEmpty()) {
      AuthFailureLog.failed(AuthFailure.BAD_PASSWORD, userId, domainName);
      throw DomainException.unauthenticated(INVALID_CREDENTIALS);
    }
    throttle.succeeded(attempt);
    return issue(tenant.get(), user.get(), ids.next());
  }

  /** Exchanges a refresh token for a new pair; the presented token stops working. */
  @Transactional(noRollbackFor = DomainException.class)
  public TokenPair refresh(String refreshToken) {
    if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
      AuthFailureLog.failed(AuthFailure.BAD_REFRESH_TOKEN);
      throw DomainException.unauthenticated("Invalid refresh token");
    }
    String hash = SecretHashes.sha256(refreshToken);
    Instant now = clock.instant();
    Optional<RefreshTokens.Grant> grant = refreshTokens.consume(hash, now);
    if (grant.isEmpty()) {
      // Reuse of a rotated token: revoke the family (committed despite the exception).
      refreshTokens.familyOf(hash).ifPresent(family -> revokeFamily(family, now));
      AuthFailureLog.failed(AuthFailure.BAD_REFRESH_TOKEN);
      throw DomainException.unauthenticated("Invalid refresh token");
    }
    RefreshTokens.Grant g = grant.get();
    Tenant tenant = tenants.findById(g.tenantId()).orElseThrow(this::invalidRefresh);
    User user = users.find(g.tenantId(), g.userId()).orElseThrow(this::invalidRefresh);
    return issue(tenant, user, g.familyId());
  }

  /**
   * Issues the pair of a device session: the access token carries the session id and lives as
   * long as the session; the refresh family is the session, so revoking one revokes the other.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public TokenPair issueForSession(Tenant tenant, User user, DeviceSession session) {
    return issue(tenant, user, session.id());
  }

  /** Revokes a refresh family and, through its session id, the family's access tokens. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeFamily(String familyId, Instant now) {
    refreshTokens.revokeFamily(familyId, now);
    liveness.forget(familyId);
  }

  /**
   * A new login session for {@code target}, issued on the word of a caller who may act as him
   * (NetSapiens' delegated JWT, checked by {@link ScopedAccess#actAs} before): the pair carries
   * the target's own scope, which {@code actAs} never lets exceed the caller's.
   */
  @Transactional
  public TokenPair delegate(Actor target) {
    Tenant tenant = tenants.findById(target.tenantId()).orElseThrow(() -> DomainException.notFound("domain"));
    User user = users.get(target.tenantId(), target.userId());
    return issue(tenant, user, ids.next());
  }

  /**
   * The owner of the session a token id names ({@link JwtTokens#sessionOfJti}), if that session
   * is a login session or device session we know.
   */
  @Transactional(readOnly = true)
  public Optional<TokenOwner> ownerOfJti(String jti) {
    return JwtTokens.sessionOfJti(jti)
        .flatMap(refreshTokens::familyOwner)
        .map(g -> new TokenOwner(g.tenantId(), g.userId(), g.familyId()));
  }

  /**
   * Ends the session of one token: its refresh family and, when the family is a device
   * session, that session; every access token of the session stops working.
   */
  @Transactional
  public void revokeSession(TokenOwner owner) {
    Instant now = clock.instant();
    deviceSessions.revoke(owner.tenantId(), owner.sessionId(), now);
    revokeFamily(owner.sessionId(), now);
    revoked("session");
  }

  /**
   * Revokes every signed token and refresh token of the user (NetSapiens'
   * {@code DELETE /jwt/{uid}}); his API keys and device sessions stay, but their access tokens
   * issued until now are refused.
   */
  @Transactional
  public int revokeTokensOf(String tenantId, String userId) {
    Instant now = revocations.revoke(tenantId, userId);
    revoked("user");
    return refreshTokens.revokeUser(tenantId, userId, now);
  }

  private void revoked(String what) {
    registry.counter("switchboard.tokens.revoked", "what", what).increment();
  }

  /** The actor of a valid access token; anything else is UNAUTHENTICATED. */
  public Actor verify(String accessToken) {
    return verifyToken(accessToken).actor();
  }

  /**
   * The actor and session of a valid access token. A token of a revoked or expired session, of
   * a user (or domain) whose access was revoked after it was issued, or whose domain id and name
   * disagree, is refused like an invalid one.
   */
  public VerifiedToken verifyToken(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      throw DomainException.unauthenticated("Authentication required");
    }
    VerifiedToken verified = jwt.verifyToken(accessToken);
    Actor actor = verified.actor();
    if (verified.sessionId() == null) {
      throw DomainException.unauthenticated("Invalid or expired access token");
    }
    if (revocations.isRevoked(actor.tenantId(), actor.userId(), verified.issuedAt())
        || !liveness.isLive(actor.tenantId(), actor.domain(), verified.sessionId())) {
      AuthFailureLog.failed(AuthFailure.REVOKED_TOKEN, actor.userId(), actor.domain());
      throw DomainException.unauthenticated("Access token was revoked");
    }
    return verified;
  }

  private TokenPair issue(Tenant tenant, User user, String familyId) {
    String refresh = SecretHashes.newSecret(REFRESH_PREFIX);
    Instant now = clock.instant();
    refreshTokens.insert(
        SecretHashes.sha256(refresh),
        new RefreshTokens.Grant(tenant.id(), user.userId(), familyId),
        now.plus(properties.refreshTtl()),
        now);
    // A family that is a live device session keeps its tokens bound to that session, and an
    // API key's session never acts above Basic User.
    Optional<DeviceSession> session = deviceSessions.findLive(tenant.id(), familyId, now);
    if (session.isPresent()) {
      Actor actor = new Actor(tenant.id(), tenant.name(), user.userId(), Scope.BASIC_USER);
      Duration left = Duration.between(now, session.get().expiresAt());
      return new TokenPair(jwt.issue(actor, familyId, left), left.toSeconds(), refresh);
    }
    Actor actor = new Actor(tenant.id(), tenant.name(), user.userId(), user.scope());
    return new TokenPair(jwt.issue(actor, familyId, jwt.ttl()), jwt.ttl().toSeconds(), refresh);
  }

  private DomainException invalidRefresh() {
    return DomainException.unauthenticated("Invalid refresh token");
  }
}
