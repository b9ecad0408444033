package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.sms.CarrierPart;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.sms.SmsStatus;
import dev.switchboard.sms.internal.JdbcSmsNumbers;
import dev.switchboard.sms.internal.JdbcSmsOutboxEntries;
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
    assertThat(outbox.requeue(t, entry.id(), "token-a", NOW.plusSeconds(5), "busy", NOW)).isTrue();
    assertThat(outbox.find(t, entry.id())).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.QUEUED);
      assertThat(e.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(e.lastError()).isEqualTo("busy");
    });
    assertThat(outbox.find(tenant(), entry.id())).isEmpty();
  }

  @Test
  default void receiptsSettleSegmentsByCarrierId() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    SmsOutboxEntry entry = queued(t, NOW);
    String c1 = IDS.next();
    String c2 = IDS.next();
    outbox.claim(t, entry.id(), "tok", NOW, NOW.plusSeconds(60));
    assertThat(outbox.markSent(t, entry.id(), "tok", List.of(c1, c2), 2, NOW)).isTrue();
    assertThat(outbox.find(t, entry.id()).orElseThrow().segments()).isEqualTo(2);

    CarrierPart second = outbox.partsByCarrierId(c2).getFirst();
    assertThat(second).isEqualTo(new CarrierPart(t, entry.id(), 2));
    assertThat(outbox.settlePart(second, SmsStatus.DELIVERED)).isTrue();
    assertThat(outbox.settlePart(second, SmsStatus.FAILED)).isFalse();
    assertThat(outbox.partStatuses(t, entry.id()))
        .containsExactly(SmsStatus.SENT, SmsStatus.DELIVERED);
    assertThat(outbox.settle(t, entry.id(), SmsStatus.DELIVERED, null, NOW)).isTrue();
    assertThat(outbox.settle(t, entry.id(), SmsStatus.FAILED, "late", NOW)).isFalse();
    assertThat(outbox.partsByCarrierId("unknown")).isEmpty();
  }

  @Test
  default void expiredLeasesAreFoundAndFailedOnce() {
    var outbox = new JdbcSmsOutboxEntries(jdbc());
    String t = tenant();
    SmsOutboxEntry stuck = queued(t, NOW);
    SmsOutboxEntry alive = queued(t, NOW);
    outbox.claim(t, stuck.id(), "dead", NOW, NOW.minusSeconds(1));
    outbox.claim(t, alive.id(), "live", NOW, NOW.plusSeconds(60));
    assertThat(outbox.expiredLeases(NOW, 1000)).extracting(SmsOutboxEntry::id)
        .contains(stuck.id()).doesNotContain(alive.id());
    assertThat(outbox.failExpired(t, alive.id(), "x", NOW)).isFalse();
    assertThat(outbox.failExpired(t, stuck.id(), "unknown", NOW)).isTrue();
    assertThat(outbox.failExpired(t, stuck.id(), "unknown", NOW)).isFalse();
    assertThat(outbox.markSent(t, stuck.id(), "dead", List.of("c"), 1, NOW)).isFalse();
    assertThat(outbox.find(t, stuck.id()).orElseThrow().status()).isEqualTo(SmsStatus.FAILED);
    assertThat(outbox.fail(t, alive.id(), "live", "refused", NOW)).isTrue();
    assertThat(outbox.find(t, alive.id()).orElseThrow().lastError()).isEqualTo("refused");
  }
}
