package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookService;
import dev.switchboard.webhook.WebhookSubscription;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Who may do what with NetSapiens event subscriptions, and how their fields read: the
 * document's models (two served, the others refused by name), its two date-time spellings, and
 * the 20-year default expiry of a subscription made without one.
 */
final class NsSubscriptionRules {
  private static final Set<String> DOCUMENTED_MODELS = Set.of("agent", "auditlog",
      "auditlog_lite", "call", "call_origid", "cdr", "message", "messagesession", "subscriber",
      "presence", "voicemail");
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int DEFAULT_YEARS = 20;

  private final ScopedAccess access;
  private final TenantService tenants;
  private final Clock clock;

  NsSubscriptionRules(ScopedAccess access, TenantService tenants, Clock clock) {
    this.access = access;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** The domain whose subscriptions the caller may list: his own, or one he manages. */
  Tenant readable(Actor actor, String domain) {
    if (ScopedAccess.SELF.equals(domain) || actor.domain().equals(domain)) {
      return tenants.findById(actor.tenantId()).orElseThrow();
    }
    return access.manage(actor, domain);
  }

  /**
   * The domain a subscription for {@code user} ("" for every user) may be made in: every user
   * needs the domain's management (Office Manager and above), one user needs to act as him.
   */
  Tenant writable(Actor actor, String domain, String user) {
    if ("*".equals(domain)) {
      if (!actor.scope().atLeast(Scope.SUPER_USER)) {
        throw DomainException.forbidden("Access denied: domain * requires Super User scope");
      }
      throw DomainException.invalid("domain * is not supported: subscribe per domain");
    }
    if (user.isEmpty()) {
      return access.manage(actor, domain);
    }
    Actor as = access.actAs(actor, domain, user);
    return tenants.findById(as.tenantId()).orElseThrow();
  }

  /**
   * A subscription the caller may see and change: of a domain he manages, or made by him. A
   * Super User's {@code /subscriptions/{id}} finds it in any domain.
   */
  WebhookSubscription owned(Actor actor, String domain, String id, WebhookService webhooks) {
    if (actor.scope().atLeast(Scope.SUPER_USER) && ScopedAccess.SELF.equals(domain)) {
      return webhooks.everyDomain(WebhookFace.NETSAPIENS, Integer.MAX_VALUE).stream()
          .filter(s -> s.id().equals(id))
          .findFirst()
          .orElseThrow(() -> DomainException.notFound("subscription"));
    }
    Tenant tenant = readable(actor, domain);
    WebhookSubscription s = webhooks.get(tenant.id(), WebhookFace.NETSAPIENS, id);
    if (!access.mayManage(actor, tenant) && !actor.userId().equals(s.createdBy())) {
      throw DomainException.notFound("subscription");
    }
    return s;
  }

  static String model(String model) {
    if (model == null || model.isBlank()) {
      throw DomainException.invalid("model is required: message or messagesession");
    }
    if (model.equals(NsSubscriptionFormat.MESSAGE) || model.equals(NsSubscriptionFormat.MESSAGE_SESSION)) {
      return model;
    }
    if (DOCUMENTED_MODELS.contains(model)) {
      throw DomainException.invalid("model " + model
          + " is not served here; only message and messagesession");
    }
    throw DomainException.invalid("unknown model; use message or messagesession");
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field + " is required");
    }
    return value;
  }

  /** {@code YYYY-MM-DD HH:MM:SS} (UTC, as the document describes it) or ISO 8601. */
  Instant expiry(String text) {
    if (text == null || text.isBlank()) {
      return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
          .plusYears(DEFAULT_YEARS).toInstant();
    }
    try {
      return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException spaced) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException iso) {
        throw DomainException.invalid(
            "subscription-expires-datetime must read YYYY-MM-DD HH:MM:SS or ISO 8601");
      }
    }
  }

  /** Only {@code active} may be asked for: it reactivates a subscription in error. */
  static SubscriptionStatus status(String status) {
    if (status == null) {
      return null;
    }
    if (status.equals("active")) {
      return SubscriptionStatus.ACTIVE;
    }
    throw DomainException.invalid("status may only be set to active");
  }
}
