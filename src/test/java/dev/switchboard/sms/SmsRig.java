package dev.switchboard.sms;

import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.sms.internal.JdbcSmsNumbers;
import dev.switchboard.sms.internal.JdbcSmsOutboxEntries;
import dev.switchboard.sms.internal.JdbcSmsOutboxParts;
import dev.switchboard.sms.internal.JdbcUnmatchedReceipts;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS module assembled by hand on a fresh embedded database (one per test, because workers
 * serve every tenant): real storage, real transactions, real meters, events captured in a list.
 */
final class SmsRig implements AutoCloseable {
  final Clock clock = Clock.systemUTC();
  final Ids ids = new Ids(clock);
  final List<Object> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final SmsMetrics metrics = new SmsMetrics(meters);
  final JdbcClient jdbc;
  final DataSourceTransactionManager transactions;
  final TransactionTemplate tx;
  final JdbcSmsOutboxEntries entries;
  final JdbcSmsOutboxParts parts;
  final JdbcUnmatchedReceipts unmatched;
  final JdbcSmsNumbers numbers;
  final SmsReceipts receipts;
  final SmsOutboxLoad load;
  final SmsOutbox outbox;
  final CarrierEventRouter carrierEvents;
  final String tenantId;
  private final List<SmsOutboxWorker> workers = new ArrayList<>();

  SmsRig() {
    this(new BackpressurePolicy(10_000, Duration.ofMinutes(5)));
  }

  SmsRig(BackpressurePolicy backpressure) {
    // File mode as the server runs it (H2 in-memory databases lose CHECK constraints' session).
    var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
        "jdbc:h2:file:" + tempDir() + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000", "sa", "");
    Flyway.configure().dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    transactions = new DataSourceTransactionManager(dataSource);
    tx = new TransactionTemplate(transactions);
    entries = new JdbcSmsOutboxEntries(jdbc);
    parts = new JdbcSmsOutboxParts(jdbc);
    unmatched = new JdbcUnmatchedReceipts(jdbc);
    numbers = new JdbcSmsNumbers(jdbc);
    receipts = new SmsReceipts(entries, parts, unmatched, ids, clock, events::add, metrics,
        transactions);
    load = new SmsOutboxLoad(entries, backpressure, clock, metrics, transactions);
    outbox = new SmsOutbox(entries, receipts, load, new CarrierSetup("test"), ids, clock,
        events::add);
    carrierEvents = new CarrierEventRouter(outbox, new SmsInbound(numbers, events::add));
    tenantId = ids.next();
    new JdbcTenants(jdbc).insert(new Tenant(tenantId, "t-" + tenantId, null, clock.instant()));
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("switchboard-sms-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OutboxPolicy policy(int maxAttempts) {
    return new OutboxPolicy(Duration.ofMillis(50), maxAttempts, Duration.ofMillis(50),
        Duration.ofMinutes(2), Duration.ofMillis(200), Duration.ofHours(1));
  }

  SmsOutboxWorker worker(SmsGateway gateway, OutboxPolicy policy) {
    SmsOutboxWorker worker = new SmsOutboxWorker(entries, parts, receipts, gateway, policy, ids,
        clock, events::add, metrics, transactions);
    workers.add(worker);
    return worker;
  }

  SmsOutboxSweeper sweeper(OutboxPolicy policy) {
    return new SmsOutboxSweeper(entries, unmatched, receipts, policy, clock, events::add, metrics,
        transactions);
  }

  String user(String userId) {
    Instant now = clock.instant();
    new JdbcUsers(jdbc).insert(
        new User(tenantId, userId, ids.next(), userId, Scope.BASIC_USER, now, now), null);
    return userId;
  }

  void number(String number, String userId) {
    Instant now = clock.instant();
    numbers.insert(new SmsNumber(tenantId, number, userId, now, now));
  }

  SmsOutboxEntry enqueue(String to, String text) {
    return tx.execute(status -> outbox.enqueue(tenantId, null, "+15550000001", to, text));
  }

  SmsOutboxEntry entry(String id) {
    return entries.find(tenantId, id).orElseThrow();
  }

  SmsStatus status(String id) {
    return entry(id).status();
  }

  <T> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<SmsStatus> statusHistory(String outboxId) {
    return events(SmsStatusChanged.class).stream()
        .filter(e -> e.outboxId().equals(outboxId))
        .map(SmsStatusChanged::status)
        .toList();
  }

  /** A counter's value, 0 when it was never incremented. */
  double count(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  long unmatchedReceipts() {
    return jdbc.sql("SELECT COUNT(*) FROM sms_unmatched_receipts").query(Long.class).single();
  }

  @Override
  public void close() {
    workers.forEach(SmsOutboxWorker::close);
  }
}
