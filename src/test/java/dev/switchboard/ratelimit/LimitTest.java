package dev.switchboard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ratelimit.internal.LocalRateBuckets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitTest {
  @Test
  void parsesCountsAndPeriods() {
    assertThat(Limit.parse("100/5s")).isEqualTo(new Limit(100, Duration.ofSeconds(5)));
    assertThat(Limit.parse(" 30 / 1m ")).isEqualTo(new Limit(30, Duration.ofMinutes(1)));
    assertThat(Limit.parse("20/6h").period()).isEqualTo(Duration.ofHours(6));
    for (String bad : new String[] {"", "100", "0/1s", "5/0s", "5/1w", "x/1s", null}) {
      assertThatThrownBy(() -> Limit.parse(bad)).as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void localBucketsCountRefundAndReset() {
    RateBuckets buckets = new LocalRateBuckets();
    List<Limit> limits = List.of(Limit.parse("2/1h"));
    assertThat(buckets.tryConsume("k", limits).allowed()).isTrue();
    assertThat(buckets.tryConsume("k", limits).allowed()).isTrue();
    Verdict refused = buckets.tryConsume("k", limits);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 1800L);
    buckets.refund("k", limits);
    assertThat(buckets.tryConsume("k", limits).allowed()).isTrue();
    buckets.reset("k");
    assertThat(buckets.tryConsume("k", limits).allowed()).isTrue();
    assertThat(buckets.tryConsume("other", limits).allowed()).isTrue();
  }
}
