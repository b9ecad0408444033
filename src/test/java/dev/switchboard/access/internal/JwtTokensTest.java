package dev.switchboard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification, including repeated verification of the same token, which is remembered. */
class JwtTokensTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Actor ALICE = new Actor("000000000000000000000001", "default", "alice", Scope.BASIC_USER);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final JwtTokens tokens = new JwtTokens(SECRET, clock, Duration.ofMinutes(60));

  @Test
  void aRememberedTokenStillExpires() {
    String token = tokens.issue(ALICE);
    assertThat(tokens.verify(token)).isEqualTo(ALICE);
    clock.now = clock.now.plus(Duration.ofMinutes(59));
    assertThat(tokens.verify(token)).isEqualTo(ALICE);
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
  }

  @Test
  void aTamperedOrForeignTokenIsRefusedEvenAfterTheGenuineOneWasVerified() {
    String token = tokens.issue(ALICE);
    tokens.verify(token);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(DomainException.class);
    JwtTokens other = new JwtTokens("another-secret-another-secret-32".getBytes(StandardCharsets.UTF_8), clock, Duration.ofMinutes(60));
    assertThatThrownBy(() -> other.verify(token)).isInstanceOf(DomainException.class);
  }

  @Test
  void tokensNameTheirKeyAndOnesSignedBeforeARotationStayValidUntilTheyExpire() throws Exception {
    byte[] newSecret = "a-new-secret-after-the-rotation-0".getBytes(StandardCharsets.UTF_8);
    String before = tokens.issue(ALICE);
    assertThat(keyIdOf(before)).isEqualTo(SigningKeys.keyId(SECRET));

    JwtTokens rotated = new JwtTokens(newSecret, List.of(SECRET), clock, Duration.ofMinutes(60));
    String after = rotated.issue(ALICE);
    assertThat(keyIdOf(after)).isEqualTo(SigningKeys.keyId(newSecret)).isNotEqualTo(keyIdOf(before));
    assertThat(rotated.verify(before)).isEqualTo(ALICE);
    assertThat(rotated.verify(after)).isEqualTo(ALICE);
    // Nodes not yet restarted keep verifying what the rotated ones sign only if they know the
    // new secret: that is why the new secret is rolled out before anyone signs with it.
    assertThatThrownBy(() -> tokens.verify(after)).isInstanceOf(DomainException.class);

    // Once the previous secret is removed, what it signed is refused; what the new one signs is not.
    JwtTokens done = new JwtTokens(newSecret, clock, Duration.ofMinutes(60));
    assertThatThrownBy(() -> done.verify(before)).isInstanceOf(DomainException.class);
    assertThat(done.verify(after)).isEqualTo(ALICE);

    clock.now = clock.now.plus(Duration.ofMinutes(61));
    assertThatThrownBy(() -> rotated.verify(before)).isInstanceOf(DomainException.class);
  }

  @Test
  void aTokenWithoutKeyIdIsTriedAgainstEveryKeyAndAnUnknownKeyIdIsRefused() throws Exception {
    byte[] newSecret = "a-new-secret-after-the-rotation-0".getBytes(StandardCharsets.UTF_8);
    JwtTokens rotated = new JwtTokens(newSecret, List.of(SECRET), clock, Duration.ofMinutes(60));
    assertThat(rotated.verify(signed(SECRET, null))).isEqualTo(ALICE);
    assertThatThrownBy(() -> rotated.verify(signed(SECRET, "0123456789ab")))
        .isInstanceOf(DomainException.class);
  }

  /** A token as an older Switchboard signed it (no kid), or with the given kid. */
  private String signed(byte[] secret, String kid) throws Exception {
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256);
    if (kid != null) {
      header.keyID(kid);
    }
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("switchboard").subject("alice")
        .issueTime(Date.from(clock.now)).expirationTime(Date.from(clock.now.plusSeconds(600)))
        .claim("dom", "default").claim("tid", ALICE.tenantId()).claim("scp", "Basic User").build();
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  private static String keyIdOf(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
