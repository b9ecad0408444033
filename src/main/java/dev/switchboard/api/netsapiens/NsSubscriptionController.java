package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsSubscriptionDtos.SubscriptionDeletion;
import dev.switchboard.api.netsapiens.NsSubscriptionDtos.SubscriptionRequest;
import dev.switchboard.api.netsapiens.NsSubscriptionDtos.SubscriptionView;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import dev.switchboard.webhook.CreatedWebhook;
import dev.switchboard.webhook.NewWebhook;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookChange;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookService;
import dev.switchboard.webhook.WebhookSubscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event subscriptions (models {@code message} and {@code messagesession}): Office Managers and
 * above manage their domain's, a Basic User his own (user filter = himself), a Super User sees
 * every domain's through {@code /subscriptions}. Writes answer 202 but creation, which answers
 * 200 with the subscription as NetSapiens' example does; a duplicate is 409.
 */
@RestController
@Tag(name = "NetSapiens event subscriptions", description = "ns-api v2 event subscriptions")
class NsSubscriptionController {
  private static final int MAX_LISTED = 1000;

  private final ScopedAccess access;
  private final WebhookService webhooks;
  private final TenantService tenants;
  private final UserService users;
  private final NsSubscriptionRules rules;

  NsSubscriptionController(ScopedAccess access, WebhookService webhooks, TenantService tenants,
      UserService users, Clock clock) {
    this.access = access;
    this.webhooks = webhooks;
    this.tenants = tenants;
    this.users = users;
    this.rules = new NsSubscriptionRules(access, tenants, clock);
  }

  @GetMapping("/ns-api/v2/subscriptions")
  @Operation(summary = "Event subscriptions: every domain's for a Super User, else the caller's")
  List<SubscriptionView> list(@Parameter(hidden = true) NsCaller caller) {
    Actor actor = caller.actor();
    if (actor.scope().atLeast(Scope.SUPER_USER)) {
      return webhooks.everyDomain(WebhookFace.NETSAPIENS, MAX_LISTED).stream()
          .map(s -> view(s, null)).toList();
    }
    return listed(actor, rules.readable(actor, ScopedAccess.SELF));
  }

  @GetMapping("/ns-api/v2/domains/{domain}/subscriptions")
  @Operation(summary = "The domain's event subscriptions")
  List<SubscriptionView> listForDomain(
      @Parameter(hidden = true) NsCaller caller, @PathVariable String domain) {
    return listed(caller.actor(), rules.readable(caller.actor(), domain));
  }

  @PostMapping("/ns-api/v2/subscriptions")
  @Operation(summary = "Subscribe to message or messagesession events")
  SubscriptionView create(
      @Parameter(hidden = true) NsCaller caller, @RequestBody SubscriptionRequest body) {
    String domain = body.domain() == null ? ScopedAccess.SELF : body.domain();
    return created(caller.actor(), domain, body);
  }

  @PostMapping("/ns-api/v2/domains/{domain}/subscriptions")
  @Operation(summary = "Subscribe to a domain's message or messagesession events")
  SubscriptionView createForDomain(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestBody SubscriptionRequest body) {
    return created(caller.actor(), domain, body);
  }

  @GetMapping("/ns-api/v2/subscriptions/{id}")
  @Operation(summary = "One event subscription")
  SubscriptionView get(@Parameter(hidden = true) NsCaller caller, @PathVariable String id) {
    return view(rules.owned(caller.actor(), ScopedAccess.SELF, id, webhooks), null);
  }

  @PutMapping("/ns-api/v2/subscriptions/{id}")
  @Operation(summary = "Change an event subscription (URL, expiry, user, status)")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> update(@Parameter(hidden = true) NsCaller caller,
      @PathVariable String id, @RequestBody SubscriptionRequest body) {
    String domain = body.domain() == null ? ScopedAccess.SELF : body.domain();
    return updated(caller.actor(), domain, id, body);
  }

  @PutMapping("/ns-api/v2/domains/{domain}/subscriptions/{id}")
  @Operation(summary = "Change an event subscription of the domain")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> updateForDomain(@Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain, @PathVariable String id,
      @RequestBody SubscriptionRequest body) {
    return updated(caller.actor(), domain, id, body);
  }

  @DeleteMapping("/ns-api/v2/subscriptions/{id}")
  @Operation(summary = "Delete an event subscription")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> delete(@Parameter(hidden = true) NsCaller caller,
      @PathVariable String id, @RequestBody(required = false) SubscriptionDeletion body) {
    String domain = body == null || body.domain() == null ? ScopedAccess.SELF : body.domain();
    return deleted(caller.actor(), domain, id);
  }

  @DeleteMapping("/ns-api/v2/domains/{domain}/subscriptions/{id}")
  @Operation(summary = "Delete an event subscription of the domain")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> deleteForDomain(@Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain, @PathVariable String id) {
    return deleted(caller.actor(), domain, id);
  }

  private List<SubscriptionView> listed(Actor actor, Tenant tenant) {
    Stream<WebhookSubscription> all = webhooks.list(tenant.id(), WebhookFace.NETSAPIENS).stream();
    if (!access.mayManage(actor, tenant)) {
      all = all.filter(s -> actor.userId().equals(s.createdBy()));
    }
    return all.map(s -> view(s, null)).toList();
  }

  private SubscriptionView created(Actor actor, String domain, SubscriptionRequest body) {
    String model = NsSubscriptionRules.model(body.model());
    String user = body.user() == null || body.user().equals("*") ? "" : body.user();
    Tenant tenant = rules.writable(actor, domain, user);
    CreatedWebhook created = webhooks.create(tenant.id(), new NewWebhook(
        WebhookFace.NETSAPIENS, model, NsSubscriptionRules.required(body.postUrl(), "post-url"),
        Set.of(), user, rules.expiry(body.expires()), actor.userId()));
    return view(created.subscription(), created.secret());
  }

  private ResponseEntity<Object> updated(
      Actor actor, String domain, String id, SubscriptionRequest body) {
    WebhookSubscription s = rules.owned(actor, domain, id, webhooks);
    if (body.model() != null && !body.model().equals(s.model())) {
      throw DomainException.invalid("model cannot change; delete and subscribe again");
    }
    String user = body.user() == null ? null : body.user().equals("*") ? "" : body.user();
    if (user != null) {
      rules.writable(actor, domain, user);
    }
    webhooks.update(s.tenantId(), WebhookFace.NETSAPIENS, id, new WebhookChange(body.postUrl(),
        null, user, body.expires() == null ? null : rules.expiry(body.expires()),
        NsSubscriptionRules.status(body.status())));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }

  private ResponseEntity<Object> deleted(Actor actor, String domain, String id) {
    WebhookSubscription s = rules.owned(actor, domain, id, webhooks);
    webhooks.delete(s.tenantId(), WebhookFace.NETSAPIENS, id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }

  private SubscriptionView view(WebhookSubscription s, String secret) {
    Tenant tenant = tenants.findById(s.tenantId()).orElseThrow();
    String scope = s.createdBy() == null ? null
        : users.find(s.tenantId(), s.createdBy()).map(User::scope).map(Scope::label).orElse(null);
    return new SubscriptionView(s.id(), s.model(), s.url(), "yes", scope,
        tenants.resellerOf(s.tenantId()).orElse("*"), tenant.name(),
        s.userFilter().isEmpty() ? "*" : s.userFilter(),
        NsFormat.timestamp(s.createdAt()), NsFormat.timestamp(s.expiresAt()),
        NsMapper.HOSTNAME, NsMapper.HOSTNAME,
        s.status() == SubscriptionStatus.ACTIVE ? "active" : "error",
        s.errorCount(), s.postsCount(), secret);
  }
}
