package dev.switchboard.sms;

import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.sms.internal.JdbcSmsNumbers;
import dev.switchboard.sms.internal.JdbcSmsOutboxEntries;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS module assembled by hand on a fresh embedded database (one per test, because workers
 * serve every tenant): real storage, real transactions, events captured in a list.
 */
final class SmsRig {
  final Clock clock = Clock.systemUTC();
  final Ids ids = new Ids(clock);
  final List<Object> events = new CopyOnWriteArrayList<>();
  final JdbcClient jdbc;
  final DataSourceTransactionManager transactions;
  final TransactionTemplate tx;
  final JdbcSmsOutboxEntries entries;
  final JdbcSmsNumbers numbers;
  final SmsOutbox outbox;
  final CarrierEventRouter carrierEvents;
  final String tenantId;

  SmsRig() {
    // File mode as the server runs it (H2 in-memory databases lose CHECK constraints' session).
    var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
        "jdbc:h2:file:" + tempDir() + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load()
        .migrate();
    jdbc = JdbcClient.create(dataSource);
    transactions = new DataSourceTransactionManager(dataSource);
    tx = new TransactionTemplate(transactions);
    entries = new JdbcSmsOutboxEntries(jdbc);
    numbers = new JdbcSmsNumbers(jdbc);
    outbox = new SmsOutbox(entries, new CarrierSetup("test"), ids, clock, events::add, transactions);
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
    return new OutboxPolicy(
        Duration.ofMillis(50), maxAttempts, Duration.ofMillis(50), Duration.ofMinutes(2));
  }

  SmsOutboxWorker worker(SmsGateway gateway, OutboxPolicy policy) {
    return new SmsOutboxWorker(entries, gateway, policy, ids, clock, events::add, transactions);
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
}
