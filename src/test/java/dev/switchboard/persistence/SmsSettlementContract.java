package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.Ids;
import dev.switchboard.sms.DeliveryOutcome;
import dev.switchboard.sms.SmsMetrics;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.sms.SmsReceipts;
import dev.switchboard.sms.SmsStatus;
import dev.switchboard.sms.internal.JdbcSmsOutboxEntries;
import dev.switchboard.sms.internal.JdbcSmsOutboxParts;
import dev.switchboard.sms.internal.JdbcUnmatchedReceipts;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Settling SMS from receipts under real concurrency, on H2 and on PostgreSQL: the receipts of
 * every segment of an SMS applied at the same instant, on as many threads, must leave it
 * delivered, never sent. Without the lock on the SMS's row each transaction would see the
 * others' segments unsettled and none would settle it.
 */
interface SmsSettlementContract {
  int SMS = 20;
  int SEGMENTS = 3;

  DataSource dataSource();

  @Test
  default void receiptsForEverySegmentAtOnceSettleTheSmsExactlyOnce() throws Exception {
    Clock clock = Clock.systemUTC();
    Ids ids = new Ids(clock);
    JdbcClient jdbc = JdbcClient.create(dataSource());
    var entries = new JdbcSmsOutboxEntries(jdbc);
    List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    SmsReceipts receipts = new SmsReceipts(entries, new JdbcSmsOutboxParts(jdbc),
        new JdbcUnmatchedReceipts(jdbc), ids, clock, events::add,
        new SmsMetrics(new SimpleMeterRegistry()), new DataSourceTransactionManager(dataSource()));
    String tenant = ids.next();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    new JdbcTenants(jdbc).insert(new Tenant(tenant, "t-" + tenant, null, now));
    List<SmsOutboxEntry> sent = new ArrayList<>();
    List<List<String>> carrierIds = new ArrayList<>();
    for (int i = 0; i < SMS; i++) {
      SmsOutboxEntry entry = SmsOutboxEntry.queued(tenant, ids.next(), null, "+15550000001",
          "+1555000" + (1000 + i), "long", now);
      entries.insert(entry);
      entries.claim(tenant, entry.id(), "tok", now, now.plusSeconds(60));
      List<String> segmentIds = List.of(ids.next(), ids.next(), ids.next());
      entries.markSent(tenant, entry.id(), "tok", segmentIds, SEGMENTS, now);
      sent.add(entry);
      carrierIds.add(segmentIds);
    }

    try (ExecutorService pool = Executors.newFixedThreadPool(SEGMENTS * 4)) {
      List<Future<?>> done = new ArrayList<>();
      for (List<String> segments : carrierIds) {
        CyclicBarrier together = new CyclicBarrier(SEGMENTS);
        for (String carrierId : segments) {
          done.add(pool.submit(() -> {
            together.await();
            return receipts.apply(carrierId, DeliveryOutcome.DELIVERED, "DELIVRD");
          }));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(sent).extracting(e -> entries.find(tenant, e.id()).orElseThrow().status())
        .containsOnly(SmsStatus.DELIVERED);
    assertThat(events).hasSize(SMS);
  }
}
