package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.webhook.DeliveryStatus;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookSubscription;
import dev.switchboard.webhook.internal.JdbcWebhookDeliveries;
import dev.switchboard.webhook.internal.JdbcWebhookSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The webhook tables: subscriptions (duplicates refused, secrets kept apart, counters,
 * suspension, one domain never sees another's) and the delivery outbox (due only in each
 * conversation's order, claims won once, only the claim's holder finishes it, dead leases put
 * back). Its times lie in 2300, far from the dispatcher contract's 2100 and from real time, so
 * no other test's dispatcher takes these rows.
 */
interface WebhookRepositoryContract extends StorageContract {
  Instant T0 = Instant.parse("2300-01-01T00:00:00Z");

  private JdbcWebhookSubscriptions subscriptions() {
    return new JdbcWebhookSubscriptions(jdbc());
  }

  private JdbcWebhookDeliveries deliveries() {
    return new JdbcWebhookDeliveries(template());
  }

  private static WebhookSubscription subscription(String tenantId, String url, String user) {
    return new WebhookSubscription(tenantId, IDS.next(), WebhookFace.NETSAPIENS, "message", url,
        Set.of("b", "a"), user, SubscriptionStatus.ACTIVE, null, "alice", 0, 0, null, null, T0, T0);
  }

  @Test
  default void subscriptionsAreKeptPerDomainWithTheirSecretApartAndDuplicatesRefused() {
    var subs = subscriptions();
    String t = rows().tenant("alice");
    String other = rows().tenant();
    WebhookSubscription s = subscription(t, "https://hooks.example.com/a", "");
    assertThat(subs.insert(s, "whsec_one")).isTrue();
    assertThat(subs.insert(subscription(t, s.url(), ""), "whsec_two")).isFalse();
    assertThat(subs.insert(subscription(t, s.url(), "alice"), "whsec_three")).isTrue();
    assertThat(subs.insert(subscription(other, s.url(), ""), "whsec_four")).isTrue();

    assertThat(subs.find(t, s.id())).contains(s);
    assertThat(subs.find(other, s.id())).isEmpty();
    assertThat(subs.endpoint(t, s.id())).hasValueSatisfying(e -> {
      assertThat(e.subscription()).isEqualTo(s);
      assertThat(e.secret()).isEqualTo("whsec_one");
      assertThat(e.toString()).doesNotContain("whsec_one");
    });
    assertThat(subs.endpoint(other, s.id())).isEmpty();
    assertThat(subs.list(t, WebhookFace.NETSAPIENS)).hasSize(2);
    assertThat(subs.list(t, WebhookFace.AMITY)).isEmpty();
    assertThat(subs.count(t)).isEqualTo(2);
    assertThat(subs.all(WebhookFace.NETSAPIENS, 100_000)).extracting(WebhookSubscription::tenantId)
        .contains(t, other);

    subs.recordAttempt(t, s.id(), false, null, T0.plusSeconds(1));
    subs.recordAttempt(t, s.id(), true, "endpoint answered 500", T0.plusSeconds(2));
    WebhookSubscription counted = subs.find(t, s.id()).orElseThrow();
    assertThat(counted.postsCount()).isEqualTo(2);
    assertThat(counted.errorCount()).isEqualTo(1);
    assertThat(counted.lastError()).isEqualTo("endpoint answered 500");

    assertThat(subs.active(t)).extracting(WebhookSubscription::id).contains(s.id());
    assertThat(subs.suspend(other, s.id(), "no", T0)).isFalse();
    assertThat(subs.suspend(t, s.id(), "suspended: failing", T0.plusSeconds(3))).isTrue();
    assertThat(subs.suspend(t, s.id(), "again", T0.plusSeconds(4))).isFalse();
    WebhookSubscription suspended = subs.find(t, s.id()).orElseThrow();
    assertThat(suspended.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
    assertThat(suspended.suspendedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(subs.active(t)).extracting(WebhookSubscription::id).doesNotContain(s.id());
    assertThat(subs.countByStatus(SubscriptionStatus.SUSPENDED)).isPositive();

    WebhookSubscription moved = new WebhookSubscription(t, s.id(), s.face(), s.model(),
        "https://hooks.example.com/b", Set.of("c"), "", SubscriptionStatus.ACTIVE,
        T0.plus(Duration.ofDays(1)), "alice", 0, 0, null, null, T0, T0.plusSeconds(5));
    assertThat(subs.update(moved)).isTrue();
    assertThat(subs.find(t, s.id()).orElseThrow().url()).isEqualTo("https://hooks.example.com/b");
    assertThat(subs.find(t, s.id()).orElseThrow().events()).containsExactly("c");
    assertThat(subs.delete(other, s.id())).isFalse();
    assertThat(subs.delete(t, s.id())).isTrue();
    assertThat(subs.find(t, s.id())).isEmpty();

    // Erasing a user takes the subscriptions filtered on him; deleting a domain, all of them.
    assertThat(subs.deleteAll(t, "alice")).isEqualTo(1);
    assertThat(subs.insert(subscription(t, "https://hooks.example.com/c", ""), "whsec_five")).isTrue();
    assertThat(subs.count(other)).isEqualTo(1);
    assertThat(subs.deleteAll(t, null)).isEqualTo(1);
    assertThat(subs.count(t)).isZero();
    assertThat(subs.count(other)).isEqualTo(1);
  }

  @Test
  default void deliveriesAreDueInEachConversationsOrderAndClaimedOnce() {
    var subs = subscriptions();
    var outbox = deliveries();
    String t = rows().tenant("alice");
    WebhookSubscription s = subscription(t, "https://hooks.example.com/order", "");
    subs.insert(s, "whsec_x");
    String c1 = IDS.next();
    String c2 = IDS.next();
    WebhookDelivery a1 = WebhookDelivery.queued(t, IDS.next(), s.id(), c1, 1, "e", T0);
    WebhookDelivery a2 = WebhookDelivery.queued(t, IDS.next(), s.id(), c1, 2, "e", T0);
    WebhookDelivery b1 = WebhookDelivery.queued(t, IDS.next(), s.id(), c2, 1, "e", T0);
    outbox.insertAll(List.of(a1, a2, b1));

    assertThat(mine(outbox.due(T0, 100_000), t)).containsExactlyInAnyOrder(a1.id(), b1.id());
    assertThat(mine(outbox.due(T0.minusSeconds(1), 100_000), t)).isEmpty();
    // A dispatcher that still holds this endpoint's heads asks only for the others'.
    WebhookSubscription other = subscription(t, "https://hooks.example.com/other", "");
    subs.insert(other, "whsec_y");
    WebhookDelivery o1 = WebhookDelivery.queued(t, IDS.next(), other.id(), c1, 1, "e", T0);
    outbox.insertAll(List.of(o1));
    assertThat(mine(outbox.due(T0, 100_000, Set.of(s.id())), t)).containsExactly(o1.id());
    assertThat(mine(outbox.due(T0, 100_000, Set.of(s.id(), other.id())), t)).isEmpty();
    assertThat(subs.delete(t, other.id())).isTrue();

    assertThat(outbox.claim(t, a1.id(), "tok1", T0, T0.plusSeconds(60))).isTrue();
    assertThat(outbox.claim(t, a1.id(), "tok2", T0, T0.plusSeconds(60))).isFalse();
    // a2 waits while a1 is in flight.
    assertThat(mine(outbox.due(T0, 100_000), t)).containsExactly(b1.id());
    assertThat(outbox.retry(t, a1.id(), "wrong", T0.plusSeconds(10), 500, "x", T0)).isFalse();
    assertThat(outbox.retry(t, a1.id(), "tok1", T0.plusSeconds(10), 500, "answered 500", T0))
        .isTrue();
    // Still a2 waits: a1 is queued again, due later.
    assertThat(mine(outbox.due(T0.plusSeconds(5), 100_000), t)).containsExactly(b1.id());
    assertThat(mine(outbox.due(T0.plusSeconds(10), 100_000), t))
        .containsExactlyInAnyOrder(a1.id(), b1.id());
    assertThat(outbox.claim(t, a1.id(), "tok3", T0.plusSeconds(10), T0.plusSeconds(70))).isTrue();
    assertThat(outbox.delivered(t, a1.id(), "tok3", 204, T0.plusSeconds(11))).isTrue();
    assertThat(mine(outbox.due(T0.plusSeconds(11), 100_000), t))
        .containsExactlyInAnyOrder(a2.id(), b1.id());

    WebhookDelivery done = outbox.recent(t, s.id(), 10).stream()
        .filter(d -> d.id().equals(a1.id())).findFirst().orElseThrow();
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.lastStatusCode()).isEqualTo(204);
    assertThat(outbox.recent(rows().tenant(), s.id(), 10)).isEmpty();

    // A claim whose node died is put back once its lease is over.
    assertThat(outbox.claim(t, b1.id(), "tok4", T0.plusSeconds(11), T0.plusSeconds(20))).isTrue();
    outbox.releaseExpired(T0.plusSeconds(19));
    assertThat(mine(outbox.due(T0.plusSeconds(19), 100_000), t)).containsExactly(a2.id());
    outbox.releaseExpired(T0.plusSeconds(21));
    assertThat(mine(outbox.due(T0.plusSeconds(21), 100_000), t))
        .containsExactlyInAnyOrder(a2.id(), b1.id());
    assertThat(outbox.delivered(t, b1.id(), "tok4", 200, T0.plusSeconds(22))).isFalse();

    // Suspension fails what is queued; a failed claim stays failed.
    assertThat(outbox.failQueued(t, s.id(), "subscription suspended", T0.plusSeconds(30)))
        .isEqualTo(2);
    assertThat(mine(outbox.due(T0.plusSeconds(30), 100_000), t)).isEmpty();
    assertThat(outbox.countByStatus(DeliveryStatus.FAILED)).isGreaterThanOrEqualTo(2);
    assertThat(outbox.purgeSettled(T0.plusSeconds(31))).isGreaterThanOrEqualTo(3);
    assertThat(outbox.recent(t, s.id(), 10)).isEmpty();
  }

  @Test
  default void aDeletedSubscriptionTakesItsDeliveriesWithIt() {
    var subs = subscriptions();
    var outbox = deliveries();
    String t = rows().tenant();
    WebhookSubscription s = subscription(t, "https://hooks.example.com/gone", "");
    subs.insert(s, "whsec_y");
    outbox.insertAll(List.of(WebhookDelivery.queued(t, IDS.next(), s.id(), IDS.next(), 1, "e", T0)));
    assertThat(subs.delete(t, s.id())).isTrue();
    assertThat(outbox.recent(t, s.id(), 10)).isEmpty();
  }

  private static List<String> mine(List<WebhookDelivery> due, String tenantId) {
    return due.stream().filter(d -> d.tenantId().equals(tenantId)).map(WebhookDelivery::id).toList();
  }
}
