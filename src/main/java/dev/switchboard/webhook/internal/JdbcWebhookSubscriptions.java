package dev.switchboard.webhook.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookEndpoint;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookSubscription;
import dev.switchboard.webhook.WebhookSubscriptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcWebhookSubscriptions implements WebhookSubscriptions {
  private static final String STORED =
      "tenant_id, id, face, model, url, events, user_filter, status, expires_at, created_by,"
          + " last_error, suspended_at, created_at, updated_at";
  /** The stored columns and the attempt counts, added up over the subscription's stripes. */
  private static final String COLUMNS =
      STORED
          + ", (SELECT SUM(a.posts_count) FROM webhook_attempt_counts a"
          + " WHERE a.tenant_id = webhook_subscriptions.tenant_id"
          + " AND a.subscription_id = webhook_subscriptions.id) AS posts_count"
          + ", (SELECT SUM(a.error_count) FROM webhook_attempt_counts a"
          + " WHERE a.tenant_id = webhook_subscriptions.tenant_id"
          + " AND a.subscription_id = webhook_subscriptions.id) AS error_count";
  /** Rows each subscription's attempts are counted on (V27): posts settle on one at random. */
  static final int STRIPES = 8;

  private final JdbcClient jdbc;

  public JdbcWebhookSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(WebhookSubscription s, String secret) {
    try {
      jdbc.sql("INSERT INTO webhook_subscriptions (" + STORED + ", secret)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(s.tenantId(), s.id(), s.face().wireName(), s.model(), s.url(), events(s.events()),
              s.userFilter(), s.status().dbValue(), utc(s.expiresAt()), s.createdBy(),
              s.lastError(), utc(s.suspendedAt()), utc(s.createdAt()), utc(s.updatedAt()), secret)
          .update();
      for (int stripe = 0; stripe < STRIPES; stripe++) {
        jdbc.sql("""
                INSERT INTO webhook_attempt_counts (tenant_id, subscription_id, stripe, posts_count, error_count)
                VALUES (?, ?, ?, ?, ?)""")
            .params(s.tenantId(), s.id(), stripe, stripe == 0 ? s.postsCount() : 0,
                stripe == 0 ? s.errorCount() : 0)
            .update();
      }
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public Optional<WebhookSubscription> find(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(JdbcWebhookSubscriptions::map)
        .optional();
  }

  @Override
  public List<WebhookSubscription> list(String tenantId, WebhookFace face) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions"
            + " WHERE tenant_id = ? AND face = ? ORDER BY created_at, id")
        .params(tenantId, face.wireName())
        .query(JdbcWebhookSubscriptions::map)
        .list();
  }

  @Override
  public List<WebhookSubscription> all(WebhookFace face, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions"
            + " WHERE face = ? ORDER BY created_at, id LIMIT ?")
        .params(face.wireName(), limit)
        .query(JdbcWebhookSubscriptions::map)
        .list();
  }

  @Override
  public List<WebhookSubscription> active(String tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscriptions"
            + " WHERE tenant_id = ? AND status = 'active' ORDER BY id")
        .params(tenantId)
        .query(JdbcWebhookSubscriptions::map)
        .list();
  }

  @Override
  public int count(String tenantId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_subscriptions WHERE tenant_id = ?")
        .params(tenantId)
        .query(Integer.class)
        .single();
  }

  @Override
  public boolean update(WebhookSubscription s) {
    try {
      return jdbc.sql("""
              UPDATE webhook_subscriptions
                 SET url = ?, events = ?, user_filter = ?, status = ?, expires_at = ?,
                     suspended_at = ?, updated_at = ?
               WHERE tenant_id = ? AND id = ?""")
          .params(s.url(), events(s.events()), s.userFilter(), s.status().dbValue(),
              utc(s.expiresAt()), utc(s.suspendedAt()), utc(s.updatedAt()), s.tenantId(), s.id())
          .update() == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String tenantId, String id) {
    return jdbc.sql("DELETE FROM webhook_subscriptions WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .update() == 1;
  }

  @Override
  public int deleteAll(String tenantId, String userFilter) {
    if (userFilter == null) {
      return jdbc.sql("DELETE FROM webhook_subscriptions WHERE tenant_id = ?")
          .params(tenantId)
          .update();
    }
    return jdbc.sql("DELETE FROM webhook_subscriptions WHERE tenant_id = ? AND user_filter = ?")
        .params(tenantId, userFilter)
        .update();
  }

  @Override
  public Optional<WebhookEndpoint> endpoint(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + ", secret FROM webhook_subscriptions"
            + " WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query((rs, n) -> new WebhookEndpoint(map(rs, n), rs.getString("secret")))
        .optional();
  }

  @Override
  public void recordAttempt(String tenantId, String id, boolean failed, String error, Instant now) {
    jdbc.sql("""
            UPDATE webhook_attempt_counts SET posts_count = posts_count + 1, error_count = error_count + ?
             WHERE tenant_id = ? AND subscription_id = ? AND stripe = ?""")
        .params(failed ? 1 : 0, tenantId, id, ThreadLocalRandom.current().nextInt(STRIPES))
        .update();
    if (failed) {
      jdbc.sql("UPDATE webhook_subscriptions SET last_error = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
          .params(error, utc(now), tenantId, id)
          .update();
    }
  }

  @Override
  public boolean suspend(String tenantId, String id, String reason, Instant now) {
    return jdbc.sql("""
            UPDATE webhook_subscriptions
               SET status = 'suspended', suspended_at = ?, last_error = ?, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'active'""")
        .params(utc(now), reason, utc(now), tenantId, id)
        .update() == 1;
  }

  @Override
  public long countByStatus(SubscriptionStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_subscriptions WHERE status = ?")
        .params(status.dbValue())
        .query(Long.class)
        .single();
  }

  private static String events(Set<String> events) {
    return events.stream().sorted().collect(Collectors.joining(","));
  }

  private static WebhookSubscription map(ResultSet rs, int row) throws SQLException {
    String events = rs.getString("events");
    return new WebhookSubscription(
        rs.getString("tenant_id"),
        rs.getString("id"),
        WebhookFace.fromWire(rs.getString("face")).orElseThrow(),
        rs.getString("model"),
        rs.getString("url"),
        events.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(events.split(","))),
        rs.getString("user_filter"),
        SubscriptionStatus.fromDb(rs.getString("status")),
        instant(rs, "expires_at"),
        rs.getString("created_by"),
        rs.getLong("posts_count"),
        rs.getLong("error_count"),
        rs.getString("last_error"),
        instant(rs, "suspended_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
