package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter between half and all of the capped delay. */
class RetryScheduleTest {
  @Test
  void delaysDoubleUpToTheCap() {
    RetrySchedule full = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(1), () -> 1.0);
    assertThat(full.delay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(full.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(full.delay(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(full.delay(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(full.delay(1_000)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void jitterSpreadsBetweenHalfAndAll() {
    RetrySchedule least = new RetrySchedule(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.0);
    RetrySchedule middle = new RetrySchedule(Duration.ofSeconds(8), Duration.ofHours(1), () -> 0.5);
    assertThat(least.delay(2)).isEqualTo(Duration.ofSeconds(8));
    assertThat(middle.delay(2)).isEqualTo(Duration.ofSeconds(12));
  }
}
