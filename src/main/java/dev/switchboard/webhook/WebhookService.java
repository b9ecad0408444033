package dev.switchboard.webhook;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/**
 * A domain's webhook subscriptions: created (secret shown once), read, changed, reactivated,
 * deleted, and their recent deliveries. Callers have decided who may act on which domain
 * ({@code access.ScopedAccess}); every call names its domain, and another domain's subscription
 * is not found.
 */
public class WebhookService {
  public static final int MAX_EVENTS = 50;
  public static final int MAX_DELIVERIES = 100;

  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;
  private final WebhookFormats formats;
  private final WebhookSettings settings;
  private final WebhookTargets targets;
  private final UserService users;
  private final Ids ids;
  private final Clock clock;

  public WebhookService(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
      WebhookFormats formats, WebhookSettings settings, UserService users, Ids ids, Clock clock) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.formats = formats;
    this.settings = settings;
    this.targets = new WebhookTargets(settings.allowPrivateAddresses());
    this.users = users;
    this.ids = ids;
    this.clock = clock;
  }

  @Transactional
  public CreatedWebhook create(String tenantId, NewWebhook request) {
    WebhookFormat format = format(request.face());
    Set<String> models = format.models();
    if (models.isEmpty() ? !request.model().isEmpty() : !models.contains(request.model())) {
      throw DomainException.invalid(models.isEmpty()
          ? "this webhook takes no model"
          : "model must be one of " + String.join(", ", models.stream().sorted().toList()));
    }
    checkEvents(format, request.events());
    targets.checkedForSaving(request.url());
    checkUser(tenantId, request.userFilter());
    Instant now = clock.instant();
    checkExpiry(request.expiresAt(), now);
    if (subscriptions.count(tenantId) >= settings.maxPerDomain()) {
      throw DomainException.invalid(
          "a domain has at most " + settings.maxPerDomain() + " webhook subscriptions");
    }
    WebhookSubscription s = new WebhookSubscription(tenantId, ids.next(), request.face(),
        request.model(), request.url(), request.events(), request.userFilter(),
        SubscriptionStatus.ACTIVE, request.expiresAt(), request.createdBy(), 0, 0, null, null,
        now, now);
    String secret = WebhookSignature.newSecret();
    if (!subscriptions.insert(s, secret)) {
      throw DomainException.conflict(
          "a subscription of this kind to this URL for this user already exists");
    }
    return new CreatedWebhook(s, secret);
  }

  @Transactional(readOnly = true)
  public WebhookSubscription get(String tenantId, WebhookFace face, String id) {
    return subscriptions.find(tenantId, id)
        .filter(s -> s.face() == face)
        .orElseThrow(() -> DomainException.notFound("subscription"));
  }

  @Transactional(readOnly = true)
  public List<WebhookSubscription> list(String tenantId, WebhookFace face) {
    return subscriptions.list(tenantId, face);
  }

  /** Every domain's subscriptions of a face (callers allow this to a Super User only). */
  @Transactional(readOnly = true)
  public List<WebhookSubscription> everyDomain(WebhookFace face, int limit) {
    return subscriptions.all(face, limit);
  }

  @Transactional
  public WebhookSubscription update(String tenantId, WebhookFace face, String id, WebhookChange c) {
    WebhookSubscription s = get(tenantId, face, id);
    Instant now = clock.instant();
    if (c.url() != null) {
      targets.checkedForSaving(c.url());
    }
    if (c.events() != null) {
      checkEvents(format(face), c.events());
    }
    if (c.userFilter() != null) {
      checkUser(tenantId, c.userFilter());
    }
    if (c.expiresAt() != null) {
      checkExpiry(c.expiresAt(), now);
    }
    SubscriptionStatus status = c.status() == null ? s.status() : c.status();
    Instant suspendedAt = status == SubscriptionStatus.ACTIVE
        ? null
        : (s.suspendedAt() == null ? now : s.suspendedAt());
    WebhookSubscription changed = new WebhookSubscription(tenantId, id, face, s.model(),
        c.url() == null ? s.url() : c.url(),
        c.events() == null ? s.events() : c.events(),
        c.userFilter() == null ? s.userFilter() : c.userFilter(),
        status, c.expiresAt() == null ? s.expiresAt() : c.expiresAt(), s.createdBy(),
        s.postsCount(), s.errorCount(), s.lastError(), suspendedAt, s.createdAt(), now);
    if (!subscriptions.update(changed)) {
      throw DomainException.conflict(
          "a subscription of this kind to this URL for this user already exists");
    }
    if (status == SubscriptionStatus.SUSPENDED) {
      deliveries.failQueued(tenantId, id, "subscription suspended", now);
    }
    return changed;
  }

  @Transactional
  public void delete(String tenantId, WebhookFace face, String id) {
    get(tenantId, face, id);
    subscriptions.delete(tenantId, id);
  }

  /** Erasure: a user's own subscriptions (filtered on him) go with him. */
  @Transactional
  public int forgetUser(String tenantId, String userId) {
    return subscriptions.deleteAll(tenantId, userId);
  }

  /** Domain deletion: every subscription of the domain, and its pending deliveries, go. */
  @Transactional
  public int forgetDomain(String tenantId) {
    return subscriptions.deleteAll(tenantId, null);
  }

  @Transactional(readOnly = true)
  public List<WebhookDelivery> deliveries(String tenantId, WebhookFace face, String id, int limit) {
    get(tenantId, face, id);
    if (limit < 1 || limit > MAX_DELIVERIES) {
      throw DomainException.invalid("limit must be between 1 and " + MAX_DELIVERIES);
    }
    return deliveries.recent(tenantId, id, limit);
  }

  private WebhookFormat format(WebhookFace face) {
    return formats.of(face).orElseThrow(
        () -> DomainException.invalid("webhooks of face " + face.wireName() + " are not served"));
  }

  private static void checkEvents(WebhookFormat format, Set<String> events) {
    if (events.size() > MAX_EVENTS) {
      throw DomainException.invalid("at most " + MAX_EVENTS + " events");
    }
    for (String event : events) {
      if (!format.eventNames().contains(event)) {
        throw DomainException.invalid("unknown event " + quoted(event) + "; known: "
            + String.join(", ", format.eventNames().stream().sorted().toList()));
      }
    }
  }

  private void checkUser(String tenantId, String userId) {
    if (!userId.isEmpty() && users.find(tenantId, userId).isEmpty()) {
      throw DomainException.invalid("user " + quoted(userId) + " does not exist in this domain");
    }
  }

  private static void checkExpiry(Instant expiresAt, Instant now) {
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw DomainException.invalid("the expiry must be in the future");
    }
  }

  private static String quoted(String value) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    return "'" + shown + "'";
  }
}
