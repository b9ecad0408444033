package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsBackoffTest {
  @Test
  void doublesFromTheInitialDelayUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void neverOverflowsWithLargeInitialDelays() {
    Backoff backoff = new Backoff(Duration.ofDays(365), Duration.ofDays(3650));
    assertThat(backoff.delay(64)).isEqualTo(Duration.ofDays(3650));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).delay(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outboxPolicyBacksOffFromItsInitialDelay() {
    OutboxPolicy policy =
        new OutboxPolicy(Duration.ofSeconds(1), 5, Duration.ofMillis(500), Duration.ofMinutes(2),
            Duration.ofSeconds(30), Duration.ofHours(1));
    assertThat(policy.backoff().delay(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff().delay(40)).isEqualTo(OutboxPolicy.MAX_BACKOFF);
  }
}
