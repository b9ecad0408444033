package dev.switchboard.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
