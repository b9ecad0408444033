package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.webhook.WebhookSubscription;
import dev.switchboard.webhook.internal.JdbcWebhookSubscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V27 on a database that already has webhook subscriptions: the counts kept on each
 * subscription's row move to its stripes without losing a post or an error, the subscription
 * reads back with them, counting goes on from there, and deleting it takes its stripes along.
 * Run on H2 and on PostgreSQL, each migrated to the version before 27 and filled the way the
 * server before V27 wrote subscriptions.
 */
class WebhookCountMigrationIT {
  @Test
  void h2KeepsEverySubscriptionsCounts() throws Exception {
    MigrationDatabases.onH2("webhook-counts", WebhookCountMigrationIT::migrateAcrossV27);
  }

  @Test
  @ExtendWith(PostgresTestDatabase.class)
  void postgresKeepsEverySubscriptionsCounts() throws Exception {
    MigrationDatabases.onPostgres("webhook-counts", WebhookCountMigrationIT::migrateAcrossV27);
  }

  private static void migrateAcrossV27(HikariDataSource dataSource, String vendor) {
    MigrationDatabases.migrateToJustBefore(dataSource, vendor, "27");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    StorageRows rows = new StorageRows(jdbc);
    String t = rows.tenant("a");
    String other = rows.tenant("a");
    String busy = oldSubscription(jdbc, t, "https://a.example/hook", 1_234_567, 89);
    String fresh = oldSubscription(jdbc, t, "https://b.example/hook", 0, 0);
    String elsewhere = oldSubscription(jdbc, other, "https://a.example/hook", 5, 5);

    MigrationDatabases.migrateToLatest(dataSource, vendor);

    JdbcWebhookSubscriptions subscriptions = new JdbcWebhookSubscriptions(jdbc);
    assertThat(counts(subscriptions, t, busy)).containsExactly(1_234_567L, 89L);
    assertThat(counts(subscriptions, t, fresh)).containsExactly(0L, 0L);
    assertThat(counts(subscriptions, other, elsewhere)).containsExactly(5L, 5L);

    for (int i = 0; i < 20; i++) {
      subscriptions.recordAttempt(t, busy, i % 4 == 0, "refused", NOW);
    }
    assertThat(counts(subscriptions, t, busy)).containsExactly(1_234_587L, 94L);
    assertThat(counts(subscriptions, other, elsewhere)).containsExactly(5L, 5L);

    assertThat(subscriptions.delete(t, busy)).isTrue();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_attempt_counts WHERE subscription_id = ?")
        .param(busy).query(Long.class).single()).isZero();
  }

  private static Long[] counts(JdbcWebhookSubscriptions subscriptions, String tenantId, String id) {
    WebhookSubscription s = subscriptions.find(tenantId, id).orElseThrow();
    return new Long[] {s.postsCount(), s.errorCount()};
  }

  /** A subscription as the server before V27 wrote it: its counts on its own row. */
  private static String oldSubscription(
      JdbcClient jdbc, String tenantId, String url, long posts, long errors) {
    String id = IDS.next();
    jdbc.sql("""
            INSERT INTO webhook_subscriptions (tenant_id, id, face, model, url, events, user_filter,
                secret, status, posts_count, error_count, created_at, updated_at)
            VALUES (?, ?, 'native', 'message', ?, 'message.created', '*', 'whsec_x', 'active',
                    ?, ?, ?, ?)""")
        .params(tenantId, id, url, posts, errors, utc(NOW), utc(NOW))
        .update();
    return id;
  }
}
