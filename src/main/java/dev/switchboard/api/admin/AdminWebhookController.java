package dev.switchboard.api.admin;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.webhook.CreatedWebhook;
import dev.switchboard.webhook.NewWebhook;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookChange;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookService;
import dev.switchboard.webhook.WebhookSubscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A domain's webhooks, native or Amity-shaped (NetSapiens subscriptions are made through
 * ns-api and listed here too with {@code face=netsapiens}): create (the signing secret is in
 * that answer only), list with each endpoint's state, change, pause or reactivate, delete, and
 * the recent deliveries of one.
 */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/webhooks")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminWebhookController {
  private final TenantService tenants;
  private final WebhookService webhooks;

  AdminWebhookController(TenantService tenants, WebhookService webhooks) {
    this.tenants = tenants;
    this.webhooks = webhooks;
  }

  @Schema(name = "AdminWebhookRequest")
  record WebhookRequest(
      @Schema(description = "native (default) or amity", example = "native") String face,
      @Schema(example = "https://hooks.example.com/switchboard") String url,
      @Schema(description = "event names; empty or absent: every event of the face",
          example = "[\"message.created\", \"message.status\"]") List<String> events,
      @Schema(description = "only conversations this user is in", nullable = true) String userId,
      @Schema(example = "2027-12-31T00:00:00Z", nullable = true) String expiresAt,
      @Schema(description = "on change only: active or suspended", nullable = true)
          String status) {}

  @Schema(name = "AdminWebhook")
  record WebhookView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String id,
      @Schema(example = "native") String face,
      @Schema(example = "", description = "NetSapiens model, else empty") String model,
      String url,
      List<String> events,
      @Schema(nullable = true) String userId,
      @Schema(example = "active", description = "active or suspended") String status,
      @Schema(nullable = true) String expiresAt,
      long postsCount,
      long errorCount,
      @Schema(nullable = true) String lastError,
      @Schema(nullable = true) String suspendedAt,
      String createdAt,
      String updatedAt,
      @Schema(description = "whsec_…: in the answer to the creation only", nullable = true)
          String secret) {
    static WebhookView of(WebhookSubscription s, String secret) {
      return new WebhookView(s.id(), s.face().wireName(), s.model(), s.url(),
          s.events().stream().sorted().toList(), s.userFilter().isEmpty() ? null : s.userFilter(),
          s.status().dbValue(), Timestamps.iso(s.expiresAt()), s.postsCount(), s.errorCount(),
          s.lastError(), Timestamps.iso(s.suspendedAt()), Timestamps.iso(s.createdAt()),
          Timestamps.iso(s.updatedAt()), secret);
    }
  }

  @Schema(name = "AdminWebhooks")
  record Webhooks(List<WebhookView> items) {}

  @Schema(name = "AdminWebhookDelivery")
  record DeliveryView(
      @Schema(description = "the event id (webhook-id header)") String id,
      String event,
      String conversationId,
      long changeSeq,
      @Schema(example = "delivered", description = "queued, sending, delivered or failed")
          String status,
      int attempts,
      @Schema(nullable = true) Integer lastStatusCode,
      @Schema(nullable = true) String lastError,
      String nextAttemptAt,
      String createdAt,
      String updatedAt) {
    static DeliveryView of(WebhookDelivery d) {
      return new DeliveryView(d.id(), d.event(), d.conversationId(), d.changeSeq(),
          d.status().dbValue(), d.attempts(), d.lastStatusCode(), d.lastError(),
          Timestamps.iso(d.nextAttemptAt()), Timestamps.iso(d.createdAt()),
          Timestamps.iso(d.updatedAt()));
    }
  }

  @Schema(name = "AdminWebhookDeliveries")
  record Deliveries(List<DeliveryView> items) {}

  @PostMapping
  @Audited("webhook.create")
  @Operation(summary = "Subscribe a URL to the domain's events (201; the secret is shown once)")
  @ApiResponse(responseCode = "201", description = "Created; the signing secret is shown only here")
  ResponseEntity<WebhookView> create(
      @PathVariable String domain, @RequestBody WebhookRequest body) {
    WebhookFace face = face(body.face());
    if (face == WebhookFace.NETSAPIENS) {
      throw DomainException.invalid("NetSapiens subscriptions are made through /ns-api/v2");
    }
    CreatedWebhook created = webhooks.create(tenants.byName(domain).id(), new NewWebhook(
        face, "", body.url(), events(body.events()), body.userId(), instant(body.expiresAt()),
        null));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(WebhookView.of(created.subscription(), created.secret()));
  }

  @GetMapping
  @Operation(summary = "The domain's webhooks of one face, with each endpoint's state")
  Webhooks list(@PathVariable String domain,
      @Parameter(description = "native (default), amity or netsapiens")
          @RequestParam(required = false) String face) {
    return new Webhooks(webhooks.list(tenants.byName(domain).id(), face(face)).stream()
        .map(s -> WebhookView.of(s, null)).toList());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One webhook and its state")
  WebhookView get(@PathVariable String domain, @PathVariable String id,
      @RequestParam(required = false) String face) {
    return WebhookView.of(webhooks.get(tenants.byName(domain).id(), face(face), id), null);
  }

  @PatchMapping("/{id}")
  @Audited("webhook.update")
  @Operation(summary = "Change URL, events, user or expiry; status active reactivates")
  WebhookView update(@PathVariable String domain, @PathVariable String id,
      @RequestParam(required = false) String face, @RequestBody WebhookRequest body) {
    WebhookChange change = new WebhookChange(body.url(),
        body.events() == null ? null : events(body.events()),
        body.userId(), instant(body.expiresAt()), status(body.status()));
    return WebhookView.of(
        webhooks.update(tenants.byName(domain).id(), face(face), id, change), null);
  }

  @DeleteMapping("/{id}")
  @Audited("webhook.delete")
  @Operation(summary = "Delete a webhook and its pending deliveries (204)")
  @ApiResponse(responseCode = "204", description = "Deleted")
  ResponseEntity<Void> delete(@PathVariable String domain, @PathVariable String id,
      @RequestParam(required = false) String face) {
    webhooks.delete(tenants.byName(domain).id(), face(face), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "The webhook's recent deliveries, newest first")
  Deliveries deliveries(@PathVariable String domain, @PathVariable String id,
      @RequestParam(required = false) String face,
      @RequestParam(defaultValue = "20") int limit) {
    return new Deliveries(webhooks.deliveries(tenants.byName(domain).id(), face(face), id, limit)
        .stream().map(DeliveryView::of).toList());
  }

  private static WebhookFace face(String face) {
    if (face == null || face.isBlank()) {
      return WebhookFace.NATIVE;
    }
    return WebhookFace.fromWire(face)
        .orElseThrow(() -> DomainException.invalid("face must be native, amity or netsapiens"));
  }

  private static Set<String> events(List<String> events) {
    if (events == null) {
      return Set.of();
    }
    if (events.size() > WebhookService.MAX_EVENTS) {
      throw DomainException.invalid("at most " + WebhookService.MAX_EVENTS + " events");
    }
    if (events.stream().anyMatch(e -> e == null || e.isBlank())) {
      throw DomainException.invalid("events must be event names");
    }
    return Set.copyOf(events);
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("expiresAt must be an ISO 8601 instant");
    }
  }

  private static SubscriptionStatus status(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "active" -> SubscriptionStatus.ACTIVE;
      case "suspended" -> SubscriptionStatus.SUSPENDED;
      default -> throw DomainException.invalid("status must be active or suspended");
    };
  }
}
