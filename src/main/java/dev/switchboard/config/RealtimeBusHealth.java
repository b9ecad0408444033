package dev.switchboard.config;

import dev.switchboard.realtime.bus.RealtimeBus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code realtimeBus} health component. Without Redis the node still serves everything,
 * including realtime: its own connections are served in process and the other nodes' changes
 * are read from the change log (docs/realtime.md, ADR 0024). So a bus that is away is
 * {@code DEGRADED} (HTTP 200, a load balancer keeps the node), never {@code DOWN}.
 */
final class RealtimeBusHealth {
  private RealtimeBusHealth() {}

  static HealthIndicator of(RealtimeBus bus) {
    return () -> {
      boolean up = bus.connected();
      Health.Builder health =
          Health.status(up ? Status.UP : SmsCarrierHealth.DEGRADED).withDetail("kind", bus.kind());
      if (bus.since() != null) {
        health.withDetail("since", bus.since().toString());
      }
      if (!up) {
        health.withDetail(
            "meanwhile", "own connections served in process; other nodes' changes read from the log");
      }
      return health.build();
    };
  }
}
