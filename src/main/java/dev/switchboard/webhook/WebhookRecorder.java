package dev.switchboard.webhook;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangesBeforeCommit;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the outbox: for each change of a committing transaction, one delivery per active
 * subscription of its domain that wants it, in the same transaction — so a committed change is
 * never missed and a rolled-back one never sent. One read of the domain's active subscriptions
 * per transaction; nothing more when the domain has none.
 */
public class WebhookRecorder implements ChangesBeforeCommit {
  /** Past this many, keys of rolled-back changes are dropped (the poll interval still runs). */
  private static final int MAX_AWAITED = 10_000;

  /** Changes that queued deliveries and whose commit is awaited, so the poller wakes for them. */
  private final Set<String> awaitingCommit = ConcurrentHashMap.newKeySet();
  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;
  private final WebhookFormats formats;
  private final Conversations conversations;
  private final Ids ids;
  private final Clock clock;
  private final WebhookMetrics metrics;

  public WebhookRecorder(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
      WebhookFormats formats, Conversations conversations, Ids ids, Clock clock,
      WebhookMetrics metrics) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.formats = formats;
    this.conversations = conversations;
    this.ids = ids;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void recording(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, List<WebhookSubscription>> byTenant = new HashMap<>();
    List<WebhookDelivery> queued = new ArrayList<>();
    for (Change change : changes) {
      List<WebhookSubscription> active =
          byTenant.computeIfAbsent(change.tenantId(), subscriptions::active);
      for (WebhookSubscription s : active) {
        eventFor(change, s, now).ifPresent(event -> queued.add(WebhookDelivery.queued(
            change.tenantId(), ids.next(), s.id(), change.conversationId(), change.changeSeq(),
            event, now)));
      }
    }
    if (!queued.isEmpty()) {
      deliveries.insertAll(queued);
      metrics.queued(queued.size());
      if (awaitingCommit.size() > MAX_AWAITED) {
        awaitingCommit.clear();
      }
      queued.forEach(d -> awaitingCommit.add(key(d.tenantId(), d.conversationId(), d.changeSeq())));
    }
  }

  /**
   * Whether any of these just-committed changes queued a delivery: only then is a dispatch pass
   * worth its queries (a pass after every commit cost a send ~0.5 extra pool checkouts, with or
   * without subscriptions).
   */
  boolean queuedAny(List<Change> committed) {
    boolean any = false;
    for (Change c : committed) {
      any |= awaitingCommit.remove(key(c.tenantId(), c.conversationId(), c.changeSeq()));
    }
    return any;
  }

  private static String key(String tenantId, String conversationId, long changeSeq) {
    return tenantId + '/' + conversationId + '/' + changeSeq;
  }

  private Optional<String> eventFor(Change change, WebhookSubscription s, Instant now) {
    if (!s.collecting(now)) {
      return Optional.empty();
    }
    Optional<String> event = formats.of(s.face()).flatMap(f -> f.eventFor(change, s));
    if (event.isEmpty() || !s.wants(event.get())) {
      return Optional.empty();
    }
    if (!s.userFilter().isEmpty() && !involves(change, s.userFilter())) {
      return Optional.empty();
    }
    return event;
  }

  /** The filtered user is the change's subject or a member of its conversation. */
  private boolean involves(Change change, String userId) {
    return userId.equals(change.subjectId())
        || conversations.member(change.tenantId(), change.conversationId(), userId).isPresent();
  }
}
