package dev.switchboard.api.admin;

import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.OperatorChangeStreams;
import dev.switchboard.realtime.bus.RealtimeBus;
import dev.switchboard.realtime.Faces;
import dev.switchboard.realtime.gateway.RealtimeGateway;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.shared.Violations;
import dev.switchboard.sms.CarrierSetup;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console's dashboard shows: health of the database, the bus between nodes and the SMS
 * carrier; messages in the last minute (every domain, from the change log); this node's open
 * connections; the SMS outbox depth. And this node's realtime connections per user.
 */
@RestController
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminStatusController {
  private final ObjectProvider<HealthEndpoint> health;
  private final RealtimeBus bus;
  private final RealtimeGateway gateway;
  private final Faces faces;
  private final OperatorChangeStreams streams;
  private final ChangeFeed changes;
  private final CarrierSetup carrier;
  private final OutboxDepth outbox;
  private final TenantService tenants;
  private final ObjectProvider<BuildProperties> build;
  private final Clock clock;

  AdminStatusController(
      ObjectProvider<HealthEndpoint> health,
      RealtimeBus bus,
      RealtimeGateway gateway,
      Faces faces,
      OperatorChangeStreams streams,
      ChangeFeed changes,
      CarrierSetup carrier,
      OutboxDepth outbox,
      TenantService tenants,
      ObjectProvider<BuildProperties> build,
      Clock clock) {
    this.health = health;
    this.bus = bus;
    this.gateway = gateway;
    this.faces = faces;
    this.streams = streams;
    this.changes = changes;
    this.carrier = carrier;
    this.outbox = outbox;
    this.tenants = tenants;
    this.build = build;
    this.clock = clock;
  }

  @Schema(name = "AdminHealth")
  record Component(@Schema(example = "UP") String status, @Schema(example = "redis") String kind) {}

  @Schema(name = "AdminStatus")
  record Status(
      @Schema(example = "0.1.0-SNAPSHOT") String version,
      @Schema(example = "2026-11-21T10:30:00.000Z") String at,
      Component database,
      Component bus,
      Component carrier,
      @Schema(example = "412") long messagesLastMinute,
      @Schema(example = "1834") int connections,
      @Schema(example = "2") int operatorStreams,
      OutboxDepth.Depth outbox) {}

  @Schema(name = "AdminUserConnections")
  record UserConnectionsView(
      @Schema(example = "acme") String domain,
      @Schema(example = "alice") String userId,
      @Schema(example = "2") int connections) {}

  @Schema(name = "AdminNodeConnections")
  record NodeConnections(
      @Schema(example = "1834") int connections,
      @Schema(description = "Users with the most connections on this node, most first")
          List<UserConnectionsView> users,
      @Schema(
              description =
                  "Other faces' open connections on this node, by face (amity-mqtt: Amity's"
                      + " MQTT gateway at /mqtt); not included in connections or users",
              example = "{\"amity-mqtt\": 12}")
          Map<String, Integer> otherFaces) {}

  @GetMapping("/admin/v1/status")
  @Operation(summary = "Health and activity for the dashboard (connections are this node's)")
  Status status() {
    var now = clock.instant();
    return new Status(
        build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion(),
        Timestamps.iso(now),
        new Component(databaseStatus(), "jdbc"),
        new Component(bus.connected() ? "UP" : "DEGRADED", bus.kind()),
        new Component(carrier.configured() ? "CONFIGURED" : "NONE", carrier.carrier()),
        changes.messagesSince(now.minus(Duration.ofMinutes(1))),
        gateway.connectionCount(),
        streams.size(),
        outbox.depth());
  }

  @GetMapping("/admin/v1/realtime/connections")
  @Operation(summary = "This node's open realtime connections, per user")
  NodeConnections connections(
      @Parameter(description = "Only this domain's users", example = "acme")
          @RequestParam(required = false) String domain,
      @RequestParam(defaultValue = "50") int limit) {
    new Violations().check(limit >= 1 && limit <= 1000, "limit must be between 1 and 1000").throwIfAny();
    String tenantId = domain == null || domain.isBlank() ? null : tenants.byName(domain).id();
    List<UserConnectionsView> users =
        gateway.perUser(tenantId, limit).stream()
            .map(u -> new UserConnectionsView(
                tenants.findById(u.tenantId()).map(t -> t.name()).orElse(u.tenantId()),
                u.userId(), u.connections()))
            .toList();
    return new NodeConnections(gateway.connectionCount(), users, faces.connectionCounts());
  }

  private String databaseStatus() {
    HealthEndpoint endpoint = health.getIfAvailable();
    HealthDescriptor db = endpoint == null ? null : endpoint.healthForPath("db");
    return db == null ? "UNKNOWN" : db.getStatus().getCode();
  }
}
