package dev.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Adds to a counter with one tag, registering it on first use. */
final class Counters {
  private Counters() {}

  static void add(MeterRegistry registry, String name, String description, String tag,
      String value, double amount) {
    Counter.builder(name).description(description).tag(tag, value).register(registry)
        .increment(amount);
  }
}
