package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.internal.LocalRateBuckets;
import dev.switchboard.shared.RateLimitExceeded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LocalRateBuckets(),
          new LoginThrottle.Limits(
              List.of(Limit.parse("3/1h"), Limit.parse("4/1d")), List.of(Limit.parse("10/1h"))),
          meters);

  @Test
  void aGuesserWaitsButTheOwnerElsewhereDoesNot() {
    for (int i = 0; i < 3; i++) {
      throttle.begin("d", "alice", "6.6.6.6");
    }
    assertThatThrownBy(() -> throttle.begin("d", "alice", "6.6.6.6"))
        .isInstanceOf(RateLimitExceeded.class)
        .satisfies(e -> assertThat(((RateLimitExceeded) e).retryAfterSeconds()).isPositive());
    throttle.succeeded(throttle.begin("d", "alice", "1.2.3.4"));
    assertThat(meters.counter("switchboard.login.refusals").count()).isEqualTo(1.0);
  }

  @Test
  void successForgivesEarlierFailuresFromTheSameAddress() {
    // Two typos and a success, four times: the owner never waits.
    for (int round = 0; round < 4; round++) {
      throttle.begin("d", "bob", "1.1.1.1");
      throttle.begin("d", "bob", "1.1.1.1");
      throttle.succeeded(throttle.begin("d", "bob", "1.1.1.1"));
    }
  }

  @Test
  void oneAddressSprayingManyUsersMeetsItsOwnLimit() {
    for (int i = 0; i < 10; i++) {
      throttle.begin("d", "user" + i, "9.9.9.9");
    }
    assertThatThrownBy(() -> throttle.begin("d", "user-next", "9.9.9.9"))
        .isInstanceOf(RateLimitExceeded.class);
  }
}
