package dev.switchboard.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code capacity} events per {@code period}, refilled continuously (a token bucket).
 * Written {@code 100/5s}, {@code 30/1m}, {@code 20/6h} in configuration.
 */
public record Limit(long capacity, Duration period) {
  private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,12})\\s*/\\s*(\\d{1,9})\\s*(ms|s|m|h|d)\\s*");

  public Limit {
    if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a limit needs a capacity >= 1 and a positive period");
    }
  }

  /** Parses {@code <count>/<amount><unit>}, unit one of ms, s, m, h, d. */
  public static Limit parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a limit is written <count>/<amount><unit> (e.g. 100/5s, 30/1m), not: " + text);
    }
    long amount = Long.parseLong(m.group(2));
    Duration period =
        switch (m.group(3)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    return new Limit(Long.parseLong(m.group(1)), period);
  }

  @Override
  public String toString() {
    return capacity + "/" + period;
  }
}
