package dev.switchboard.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.access.AuthFailure;
import dev.switchboard.access.AuthFailureLog;
import dev.switchboard.access.VerifiedToken;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs and verifies the one access-token format every dialect accepts: an HS256 JWT with the
 * user ({@code sub}), domain name ({@code dom}) and id ({@code tid}), scope ({@code scp}).
 */
public class JwtTokens {
  static final String ISSUER = "switchboard";
  private static final int VERIFIED_CACHE_SIZE = 20_000;
  /** Clocks of several nodes differ a little; a token "issued" further ahead is not ours. */
  private static final Duration ISSUED_AT_SKEW = Duration.ofMinutes(1);

  private final NimbusJwtEncoder encoder;
  private final String keyId;
  private final JwtDecoder decoder;
  private final Clock clock;
  private final Duration ttl;
  private final Cache<String, Remembered> verified =
      Caffeine.newBuilder()
          .maximumSize(VERIFIED_CACHE_SIZE)
          .expireAfterWrite(Duration.ofMinutes(10))
          .build();

  private record Remembered(VerifiedToken verified, Instant expiresAt) {}

  public JwtTokens(byte[] secret, Clock clock, Duration ttl) {
    this(secret, List.of(), clock, ttl);
  }

  /** Signs with {@code secret}; also accepts tokens signed with {@code previousSecrets}. */
  public JwtTokens(byte[] secret, List<byte[]> previousSecrets, Clock clock, Duration ttl) {
    SigningKeys keys = new SigningKeys(secret, previousSecrets);
    this.keyId = keys.currentKeyId();
    this.encoder = keys.encoder();
    NimbusJwtDecoder nimbus = keys.decoder();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    expiry.setClock(clock);
    nimbus.setJwtValidator(expiry);
    // Our issuer is the plain name "switchboard": the default claim conversion tries it as a
    // URL first and fails with an exception on every verification (seen in the bench profile).
    nimbus.setClaimSetConverter(
        MappedJwtClaimSetConverter.withDefaults(
            Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
    this.decoder = nimbus;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * A verified token: its actor, for device-session tokens the session id, and when it was
   * issued (whole seconds, as the {@code iat} claim carries it).
   */
  public String issue(Actor actor) {
    return issue(actor, null, ttl);
  }

  /** A token bound to a device session ({@code sid} claim), valid for {@code lifetime}. */
  public String issue(Actor actor, String sessionId, Duration lifetime) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(actor.userId())
            .id(jti(sessionId))
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .claim("dom", actor.domain())
            .claim("tid", actor.tenantId())
            .claim("scp", actor.scope().label());
    if (sessionId != null) {
      claims.claim("sid", sessionId);
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).keyId(keyId).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  /**
   * A token's id names its session ({@code <sid>.<random>}), so that one token can be revoked by
   * its {@code jti} alone (NetSapiens' {@code DELETE /jwt/{jti}}): revoking it ends its session.
   */
  private static String jti(String sessionId) {
    String random = UUID.randomUUID().toString().replace("-", "");
    return sessionId == null ? random : sessionId + "." + random;
  }

  /** The session a token id names, if it names one. */
  public static Optional<String> sessionOfJti(String jti) {
    int dot = jti == null ? -1 : jti.lastIndexOf('.');
    return dot <= 0 ? Optional.empty() : Optional.of(jti.substring(0, dot));
  }

  /** Returns the actor of a valid, unexpired token; anything else is UNAUTHENTICATED. */
  public Actor verify(String token) {
    return verifyToken(token).actor();
  }

  /**
   * The actor and session id of a valid, unexpired token with every claim we issue ({@code iss},
   * {@code sub}, {@code iat} not in the future, {@code exp}, {@code dom}, {@code tid}, {@code
   * scp}); anything else is UNAUTHENTICATED. A
   * token verified once is remembered until its expiry, so repeated requests with it skip the
   * signature and claim parsing (~14 % of a request's CPU in the bench profile). Revocation is not
   * decided here: the caller checks the token's device session on every use.
   */
  public VerifiedToken verifyToken(String token) {
    Remembered known = verified.getIfPresent(token);
    if (known != null && !clock.instant().isAfter(known.expiresAt())) {
      return known.verified();
    }
    try {
      Jwt jwt = decoder.decode(token);
      Scope scope =
          Scope.fromLabel(jwt.getClaimAsString("scp"))
              .orElseThrow(() -> new JwtException("unknown scope"));
      String tenantId = jwt.getClaimAsString("tid");
      String domain = jwt.getClaimAsString("dom");
      if (!ISSUER.equals(jwt.getClaimAsString("iss"))
          || tenantId == null
          || domain == null
          || jwt.getSubject() == null
          || jwt.getExpiresAt() == null
          || jwt.getIssuedAt() == null
          || jwt.getIssuedAt().isAfter(clock.instant().plus(ISSUED_AT_SKEW))) {
        throw new JwtException("missing or invalid claims");
      }
      VerifiedToken result = new VerifiedToken(
          new Actor(tenantId, domain, jwt.getSubject(), scope),
          jwt.getClaimAsString("sid"),
          jwt.getIssuedAt());
      verified.put(token, new Remembered(result, jwt.getExpiresAt()));
      return result;
    } catch (JwtException | IllegalArgumentException e) {
      AuthFailureLog.failed(expired(e) ? AuthFailure.EXPIRED_TOKEN : AuthFailure.BAD_TOKEN);
      throw DomainException.unauthenticated("Invalid or expired access token");
    }
  }

  /** Whether verification failed only because the token's lifetime is over. */
  private static boolean expired(RuntimeException e) {
    return e instanceof JwtValidationException invalid
        && invalid.getErrors().stream()
            .anyMatch(error -> error.getDescription() != null
                && error.getDescription().contains("expired"));
  }
}
