package dev.switchboard.ratelimit.internal;

import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.Verdict;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.List;

/** Bucket4j configurations and verdicts of our limits: each limit refills greedily. */
final class BucketShapes {
  private BucketShapes() {}

  static BucketConfiguration configuration(List<Limit> limits) {
    ConfigurationBuilder builder = BucketConfiguration.builder();
    limits.forEach(limit -> builder.addLimit(bandwidth(limit)));
    return builder.build();
  }

  static Bucket localBucket(List<Limit> limits) {
    LocalBucketBuilder builder = Bucket.builder();
    limits.forEach(limit -> builder.addLimit(bandwidth(limit)));
    return builder.build();
  }

  private static Bandwidth bandwidth(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.capacity())
        .refillGreedy(limit.capacity(), limit.period())
        .build();
  }

  static Verdict verdict(ConsumptionProbe probe) {
    return probe.isConsumed()
        ? Verdict.ALLOWED
        : Verdict.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** The longest period among the limits: a bucket untouched that long is full again. */
  static Duration longest(List<Limit> limits) {
    return limits.stream().map(Limit::period).max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
