package dev.switchboard.config;

import dev.switchboard.sms.CarrierConnection;
import dev.switchboard.sms.SmsGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code smsCarrier} health component: one child per carrier connection (SMPP bind, or the
 * HTTP carrier as its last call saw it). A connection that cannot carry SMS is {@code DEGRADED},
 * not {@code DOWN}: the node still serves everything else, and SMS wait durably in the outbox
 * until the carrier is back, so a load balancer must not take the node out. {@code DEGRADED}
 * ranks between {@code OUT_OF_SERVICE} and {@code UP} and answers HTTP 200
 * ({@code management.endpoint.health.status} in application.yml), so the node's own status
 * shows it too.
 */
final class SmsCarrierHealth {
  static final Status DEGRADED = new Status("DEGRADED");

  private SmsCarrierHealth() {}

  static HealthContributor of(SmsGateway gateway) {
    Map<String, HealthIndicator> children = new LinkedHashMap<>();
    for (CarrierConnection connection : gateway.connections()) {
      String name = connection.name();
      children.put(name, () -> health(current(gateway, name)));
    }
    return CompositeHealthContributor.fromMap(children);
  }

  private static CarrierConnection current(SmsGateway gateway, String name) {
    return gateway.connections().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Health health(CarrierConnection connection) {
    return Health.status(connection.up() ? Status.UP : DEGRADED)
        .withDetail("role", connection.role())
        .withDetail("state", connection.state())
        .withDetail("since", connection.since().toString())
        .withDetail("meanwhile", connection.up() ? "" : "SMS wait in the outbox")
        .build();
  }
}
