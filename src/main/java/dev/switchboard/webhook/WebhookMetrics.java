package dev.switchboard.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The webhook meters (docs/webhooks.md): events queued, posts by outcome, deliveries
 * delivered and failed, the time from queued to delivered, and gauges of the outbox by status
 * and of subscriptions by state (every node reads the same shared tables). Per-endpoint state
 * (status, posts, errors, last error) is in the admin API, not in tags of unbounded number.
 */
public class WebhookMetrics {
  private final MeterRegistry registry;
  private final Timer latency;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("switchboard.webhooks.latency")
        .description("From the change's commit to the endpoint's 2xx, retries included")
        .register(registry);
  }

  void queued(int count) {
    registry.counter("switchboard.webhooks.queued").increment(count);
  }

  /** One post: {@code outcome} is delivered, failed (will retry) or refused (address). */
  void attempt(String outcome) {
    registry.counter("switchboard.webhooks.attempts", "outcome", outcome).increment();
  }

  void delivered(Duration sinceQueued) {
    registry.counter("switchboard.webhooks.delivered").increment();
    latency.record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
  }

  /** A delivery given up: {@code reason} horizon, suspended or gone (the change was compacted). */
  void failed(String reason, int count) {
    registry.counter("switchboard.webhooks.failed", "reason", reason).increment(count);
  }

  void suspended() {
    registry.counter("switchboard.webhooks.suspensions").increment();
  }

  /** Gauges over the shared tables; a failing read shows NaN rather than breaking a scrape. */
  public void state(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions) {
    for (DeliveryStatus status : DeliveryStatus.values()) {
      gauge("switchboard.webhooks.deliveries", "status", status.dbValue(),
          () -> deliveries.countByStatus(status), "Deliveries in this status, all domains");
    }
    for (SubscriptionStatus status : SubscriptionStatus.values()) {
      gauge("switchboard.webhooks.subscriptions", "status", status.dbValue(),
          () -> subscriptions.countByStatus(status), "Subscriptions in this state, all domains");
    }
  }

  private void gauge(String name, String tag, String value, Supplier<Long> read, String help) {
    Gauge.builder(name, read, r -> {
          try {
            return r.get();
          } catch (RuntimeException e) {
            return Double.NaN;
          }
        })
        .tag(tag, value)
        .description(help)
        .strongReference(true)
        .register(registry);
  }
}
