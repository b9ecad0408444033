package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.sms.CarrierPart;
import dev.switchboard.sms.DeliveryOutcome;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.sms.SmsStatus;
import dev.switchboard.sms.UnmatchedReceipt;
import dev.switchboard.sms.internal.JdbcSmsNumbers;
import dev.switchboard.sms.internal.JdbcSmsOutboxEntries;
import dev.switchboard.sms.internal.JdbcSmsOutboxParts;
import dev.switchboard.sms.internal.JdbcUnmatchedReceipts;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SMS storage contract, run on H2 and on PostgreSQL like {@link RepositoryContract}. */
interface SmsRepositoryContract {
  Ids IDS = new Ids(Clock.systemUTC());
  Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  JdbcClient jdbc();

  private String tenant() {
    String id = IDS.next();
    new JdbcTenants(jdbc()).insert(new Tenant(id, "t-" + id, null, NOW));
    return id;
  }

  private static String number() {
    return "+1555" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
  }

  private SmsOutboxEntry queued(String tenantId, Instant due) {
    SmsOutboxEntry entry =
        SmsOutboxEntry.queued(tenantId, IDS.next(), IDS.next(), number(), number(), "hi", due);
    new JdbcSmsOutboxEntries(jdbc()).insert(entry);
    return entry;
  }

  @Test
  default void numbersBelongToOneDomainAndAreRoutedByNumber() {
    var numbers = new JdbcSmsNumbers(jdbc());
    String t1 = tenant();
    String t2 = tenant();
    new JdbcUsers(jdbc()).insert(new User(t1, "alice", IDS.next(), null, Scope.BASIC_USER, NOW, NOW), null);
    String n = number();
    assertThat(numbers.insert(new SmsNumber(t1, n, null, NOW, NOW))).isTrue();
    assertThat(numbers.insert(new SmsNumber(t2, n, null, NOW, NOW))).isFalse();
    assertThat(numbers.find(t2, n)).isEmpty();
    assertThat(numbers.assign(t2, n, "alice", NOW)).isFalse();
    assertThat(numbers.assign(t1, n, "alice", NOW.plusSeconds(1))).isTrue();
    assertThat(numbers.route(n)).contains(new SmsNumber(t1, n, "alice", NOW, NOW.plusSeconds(1)));
    assertThat(numbers.listForUser(t1, "alice")).extracting(SmsNumber::number).containsExactly(n);
    assertThat(numbers.assign(t1, n, null, NOW)).isTrue();
    assertThat(numbers.list(t1)).extracting(SmsNumber::userId).containsOnlyNulls();
    assertThat(numbers.delete(t2, n)).isFalse();
    assertThat(numbers.delete(t1, n)).isTrue();
    assertThat(numbers.route(n)).isEmpty();
  }

  @Test
  default void exactlyOneClaimWinsAndOnlyItsHolderFinishes() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    SmsOutboxEntry entry = queued(t, NOW);
    SmsOutboxEntry later = queued(t, NOW.plusSeconds(3600));
    assertThat(outbox.due(NOW, 1000)).extracting(SmsOutboxEntry::id)
        .contains(entry.id()).doesNotContain(later.id());
    assertThat(outbox.claim(t, later.id(), "token-a", NOW, NOW.plusSeconds(60))).isFalse();

    assertThat(outbox.claim(t, entry.id(), "token-a", NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(outbox.claim(t, entry.id(), "token-b", NOW, NOW.plusSeconds(60))).isFalse();
    assertThat(outbox.find(t, entry.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.SENDING);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.leaseUntil()).isEqualTo(NOW.plusSeconds(60));
    });
    assertThat(outbox.markSent(t, entry.id(), "token-b", List.of("c1"), 1, NOW)).isFalse();
    assertThat(outbox.markUnknown(t, entry.id(), "token-b", "no answer", NOW)).isFalse();
    assertThat(outbox.requeue(t, entry.id(), "token-a", NOW.plusSeconds(5), "busy", NOW)).isTrue();
    assertThat(outbox.find(t, entry.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.QUEUED);
      assertThat(e.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(e.lastError()).isEqualTo("busy");
    });
    assertThat(outbox.find(tenant(), entry.id())).isEmpty();
  }

  @Test
  default void receiptsSettleSegmentsByCarrierIdUnderALockOnTheirSms() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    var parts = new JdbcSmsOutboxParts(jdbc());
    String t = tenant();
    SmsOutboxEntry entry = queued(t, NOW);
    String c1 = IDS.next();
    String c2 = IDS.next();
    outbox.claim(t, entry.id(), "tok", NOW, NOW.plusSeconds(60));
    assertThat(outbox.markSent(t, entry.id(), "tok", List.of(c1, c2), 2, NOW)).isTrue();
    assertThat(outbox.find(t, entry.id()).orElseThrow().segments()).isEqualTo(2);

    CarrierPart second = parts.byCarrierId(c2).getFirst();
    assertThat(second).isEqualTo(new CarrierPart(t, entry.id(), 2));
    assertThat(outbox.lockStatus(t, entry.id())).contains(SmsStatus.SENT);
    assertThat(outbox.lockStatus(tenant(), entry.id())).isEmpty();
    assertThat(parts.settle(second, SmsStatus.DELIVERED)).isTrue();
    assertThat(parts.settle(second, SmsStatus.FAILED)).isFalse();
    assertThat(parts.statuses(t, entry.id())).containsExactly(SmsStatus.SENT, SmsStatus.DELIVERED);
    assertThat(outbox.sentWithSettledParts(1000)).extracting(SmsOutboxEntry::id)
        .doesNotContain(entry.id());
    parts.settle(parts.byCarrierId(c1).getFirst(), SmsStatus.DELIVERED);
    assertThat(outbox.sentWithSettledParts(1000)).extracting(SmsOutboxEntry::id)
        .contains(entry.id());
    assertThat(outbox.settle(t, entry.id(), SmsStatus.DELIVERED, null, NOW)).isTrue();
    assertThat(outbox.settle(t, entry.id(), SmsStatus.FAILED, "late", NOW)).isFalse();
    assertThat(outbox.sentWithSettledParts(1000)).extracting(SmsOutboxEntry::id)
        .doesNotContain(entry.id());
    assertThat(parts.byCarrierId("unknown")).isEmpty();
  }

  @Test
  default void anExpiredClaimBecomesUnknownOnceAndItsSenderMayStillRecordTheTruth() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    SmsOutboxEntry stuck = queued(t, NOW);
    SmsOutboxEntry alive = queued(t, NOW);
    outbox.claim(t, stuck.id(), "dead", NOW, NOW.minusSeconds(1));
    outbox.claim(t, alive.id(), "live", NOW, NOW.plusSeconds(60));
    assertThat(outbox.expiredLeases(NOW, 1000)).extracting(SmsOutboxEntry::id)
        .contains(stuck.id()).doesNotContain(alive.id());
    assertThat(outbox.abandon(t, alive.id(), "x", NOW)).isFalse();
    assertThat(outbox.abandon(t, stuck.id(), "unknown", NOW)).isTrue();
    assertThat(outbox.abandon(t, stuck.id(), "unknown", NOW)).isFalse();
    assertThat(outbox.find(t, stuck.id()).orElseThrow().status()).isEqualTo(SmsStatus.UNKNOWN);
    assertThat(outbox.markSent(t, stuck.id(), "other", List.of("c"), 1, NOW)).isFalse();
    assertThat(outbox.markSent(t, stuck.id(), "dead", List.of(IDS.next()), 1, NOW)).isTrue();
    assertThat(outbox.find(t, stuck.id()).orElseThrow().status()).isEqualTo(SmsStatus.SENT);

    assertThat(outbox.markUnknown(t, alive.id(), "live", "no answer", NOW)).isTrue();
    assertThat(outbox.markSent(t, alive.id(), "live", List.of("c"), 1, NOW))
        .as("a sender that reported unknown itself has let go of its claim").isFalse();
  }

  @Test
  default void anOperatorRetryRequeuesFailedOrUnknownAndForgetsOldSegments() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    var parts = new JdbcSmsOutboxParts(jdbc());
    String t = tenant();
    SmsOutboxEntry unknown = queued(t, NOW);
    outbox.claim(t, unknown.id(), "tok", NOW, NOW.plusSeconds(60));
    outbox.markUnknown(t, unknown.id(), "tok", "no answer", NOW);
    String accepted = IDS.next();
    parts.add(t, unknown.id(), List.of(accepted));
    SmsOutboxEntry pending = queued(t, NOW);

    assertThat(outbox.retry(t, pending.id(), "again", NOW)).isFalse();
    assertThat(outbox.retry(tenant(), unknown.id(), "again", NOW)).isFalse();
    assertThat(outbox.retry(t, unknown.id(), "again", NOW.plusSeconds(1))).isTrue();
    assertThat(outbox.find(t, unknown.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.QUEUED);
      assertThat(e.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
      assertThat(e.lastError()).isEqualTo("again");
    });
    assertThat(parts.byCarrierId(accepted)).isEmpty();
    assertThat(outbox.claim(t, unknown.id(), "tok2", NOW.plusSeconds(1), NOW.plusSeconds(60)))
        .isTrue();
    assertThat(outbox.find(t, unknown.id()).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  default void unmatchedReceiptsAreTakenOnceAndExpire() {
    var receipts = new JdbcUnmatchedReceipts(jdbc());
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String carrierId = IDS.next();
    UnmatchedReceipt early = new UnmatchedReceipt(IDS.next(), carrierId,
        DeliveryOutcome.DELIVERED, "DELIVRD", NOW.minusSeconds(7200));
    UnmatchedReceipt recent = new UnmatchedReceipt(IDS.next(), IDS.next(), DeliveryOutcome.FAILED,
        "UNDELIV", NOW);
    receipts.keep(early);
    receipts.keep(recent);
    assertThat(receipts.forCarrierIds(List.of(carrierId, "other"))).containsExactly(early);
    assertThat(receipts.matchable(1000)).extracting(UnmatchedReceipt::id)
        .doesNotContain(early.id());

    String t = tenant();
    SmsOutboxEntry entry = queued(t, NOW);
    outbox.claim(t, entry.id(), "tok", NOW, NOW.plusSeconds(60));
    outbox.markSent(t, entry.id(), "tok", List.of(carrierId), 1, NOW);
    assertThat(receipts.matchable(1000)).extracting(UnmatchedReceipt::id).contains(early.id());
    assertThat(receipts.take(early.id())).isTrue();
    assertThat(receipts.take(early.id())).isFalse();

    assertThat(outbox.load(NOW).unmatchedReceipts()).isPositive();
    assertThat(receipts.expire(NOW.minusSeconds(60))).isGreaterThanOrEqualTo(0);
    assertThat(receipts.forCarrierIds(List.of(recent.carrierMessageId()))).containsExactly(recent);
    assertThat(receipts.expire(NOW.plusSeconds(1))).isGreaterThanOrEqualTo(1);
    assertThat(receipts.forCarrierIds(List.of(recent.carrierMessageId()))).isEmpty();
  }

  @Test
  default void theLoadCountsUnsettledSmsAndHowLongTheOldestDueOneWaited() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    var before = outbox.load(NOW);
    queued(t, NOW.minusSeconds(90));
    queued(t, NOW.plusSeconds(3600));
    SmsOutboxEntry sending = queued(t, NOW);
    outbox.claim(t, sending.id(), "tok", NOW, NOW.plusSeconds(60));

    var load = outbox.load(NOW);
    assertThat(load.depth(SmsStatus.QUEUED) - before.depth(SmsStatus.QUEUED)).isEqualTo(2);
    assertThat(load.depth(SmsStatus.SENDING) - before.depth(SmsStatus.SENDING)).isEqualTo(1);
    assertThat(load.oldestDueWait()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(90));
  }

  @Test
  default void theOperatorListsADomainsOutboxNewestFirstAndCancelsOnlyWhatIsStillQueued() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    String other = tenant();
    SmsOutboxEntry oldest = queued(t, NOW.minusSeconds(20));
    SmsOutboxEntry sending = queued(t, NOW.minusSeconds(10));
    SmsOutboxEntry newest = queued(t, NOW);
    queued(other, NOW);
    outbox.claim(t, sending.id(), "tok", NOW, NOW.plusSeconds(60));
    long failedBefore = outbox.countInStatus(SmsStatus.FAILED);

    assertThat(outbox.list(t, null, 10, 0)).extracting(SmsOutboxEntry::id)
        .containsExactly(newest.id(), sending.id(), oldest.id());
    assertThat(outbox.list(t, null, 1, 1)).extracting(SmsOutboxEntry::id).containsExactly(sending.id());
    assertThat(outbox.list(t, SmsStatus.QUEUED, 10, 0)).extracting(SmsOutboxEntry::id)
        .containsExactly(newest.id(), oldest.id());
    assertThat(outbox.count(t, null)).isEqualTo(3);
    assertThat(outbox.count(t, SmsStatus.SENDING)).isEqualTo(1);

    assertThat(outbox.cancel(other, newest.id(), "no", NOW)).isFalse();
    assertThat(outbox.cancel(t, sending.id(), "no", NOW)).as("a sending entry is not stopped").isFalse();
    assertThat(outbox.cancel(t, newest.id(), "by the operator", NOW)).isTrue();
    assertThat(outbox.cancel(t, newest.id(), "by the operator", NOW)).isFalse();
    assertThat(outbox.fail(t, sending.id(), "not-the-token", "x", NOW)).isFalse();
    assertThat(outbox.fail(t, sending.id(), "tok", "rejected", NOW)).isTrue();
    assertThat(outbox.find(t, sending.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.FAILED);
      assertThat(e.lastError()).isEqualTo("rejected");
      assertThat(e.leaseUntil()).isNull();
    });
    assertThat(outbox.find(t, newest.id()).orElseThrow().lastError()).isEqualTo("by the operator");
    assertThat(outbox.due(NOW.plusSeconds(3600), 1000)).extracting(SmsOutboxEntry::id)
        .as("a failed entry is never due again").doesNotContain(sending.id(), newest.id());
    assertThat(outbox.count(t, SmsStatus.FAILED)).isEqualTo(2);
    assertThat(outbox.countInStatus(SmsStatus.FAILED) - failedBefore).isEqualTo(2);
  }
}
