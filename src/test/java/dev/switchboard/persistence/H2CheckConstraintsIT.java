package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * H2 2.4.240 broke a {@code CHECK (x IN (...))} constraint as soon as the connection that
 * created it closed: on a fresh server, inserts into such a table (message sessions, the SMS
 * outbox) failed once the pool retired the connection that had run the migrations. Here every
 * migration runs on connections that close at once (a driver data source opens one per use),
 * and rows that pass those checks must still be accepted.
 */
class H2CheckConstraintsIT {
  @Test
  void inListChecksStillWorkAfterTheMigratingConnectionClosed() throws Exception {
    String dir = Files.createTempDirectory("switchboard-h2-checks").toString();
    var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
        "jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "sa", "");
    // Kept open throughout, so the database itself stays open while the migrating ones close.
    try (var keepOpen = dataSource.getConnection()) {
      Flyway.configure().dataSource(dataSource)
          .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
      JdbcClient jdbc = JdbcClient.create(dataSource);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      String tenant = "000000000000000000000009";
      jdbc.sql("INSERT INTO tenants (id, name, created_at) VALUES (?, 'checks', ?)").params(tenant, now).update();
      jdbc.sql("""
              INSERT INTO conversations (tenant_id, id, kind, last_seq, last_activity_at, created_at)
              VALUES (?, '000000000000000000000010', 'SMS', 0, ?, ?)""")
          .params(tenant, now, now).update();
      int inserted = jdbc.sql("""
              INSERT INTO message_sessions (tenant_id, id, conversation_id, channel)
              VALUES (?, 'checked-session', '000000000000000000000010', 'sms')""")
          .param(tenant).update();
      assertThat(inserted).isEqualTo(1);
      assertThat(keepOpen.isClosed()).isFalse();
    }
  }
}
