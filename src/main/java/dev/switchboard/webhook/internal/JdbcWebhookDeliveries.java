package dev.switchboard.webhook.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.shared.jdbc.ReplannedQuery;
import dev.switchboard.webhook.DeliveryStatus;
import dev.switchboard.webhook.WebhookDeliveries;
import dev.switchboard.webhook.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcWebhookDeliveries implements WebhookDeliveries {
  private static final String COLUMNS =
      "tenant_id, id, subscription_id, conversation_id, change_seq, event, status, attempts,"
          + " next_attempt_at, last_status_code, last_error, created_at, updated_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public JdbcWebhookDeliveries(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.template = template;
  }

  @Override
  public void insertAll(Collection<WebhookDelivery> deliveries) {
    for (WebhookDelivery d : deliveries) {
      jdbc.sql("INSERT INTO webhook_deliveries (" + COLUMNS + ")"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(d.tenantId(), d.id(), d.subscriptionId(), d.conversationId(), d.changeSeq(),
              d.event(), d.status().dbValue(), d.attempts(), utc(d.nextAttemptAt()),
              d.lastStatusCode(), d.lastError(), utc(d.createdAt()), utc(d.updatedAt()))
          .update();
    }
  }

  @Override
  public List<WebhookDelivery> due(Instant now, int limit, Set<String> skip) {
    List<Object> params = new ArrayList<>(List.of(utc(now)));
    params.addAll(skip);
    params.add(limit);
    // Subscription ids are unique across domains, so skipping by id alone is exact.
    String skipped = skip.isEmpty() ? ""
        : " AND d.subscription_id NOT IN ("
            + String.join(", ", Collections.nCopies(skip.size(), "?")) + ")";
    return ReplannedQuery.list(template, "SELECT " + prefixed("d") + """
             FROM webhook_deliveries d
            WHERE d.status = 'queued' AND d.next_attempt_at <= ?""" + skipped + """

              AND NOT EXISTS (
                SELECT 1 FROM webhook_deliveries e
                 WHERE e.tenant_id = d.tenant_id AND e.subscription_id = d.subscription_id
                   AND e.conversation_id = d.conversation_id AND e.change_seq < d.change_seq
                   AND e.status IN ('queued', 'sending'))
            ORDER BY d.next_attempt_at, d.change_seq LIMIT ?""",
        JdbcWebhookDeliveries::map, params.toArray());
  }

  @Override
  public boolean claim(String tenantId, String id, String token, Instant now, Instant leaseUntil) {
    return jdbc.sql("""
            UPDATE webhook_deliveries
               SET status = 'sending', attempts = attempts + 1, claim_token = ?, lease_until = ?,
                   updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'queued' AND next_attempt_at <= ?""")
        .params(token, utc(leaseUntil), utc(now), tenantId, id, utc(now))
        .update() == 1;
  }

  @Override
  public boolean delivered(String tenantId, String id, String token, int statusCode, Instant now) {
    return release(tenantId, id, token, DeliveryStatus.DELIVERED, now, statusCode, null, now);
  }

  @Override
  public boolean retry(String tenantId, String id, String token, Instant nextAttemptAt,
      Integer statusCode, String error, Instant now) {
    return release(tenantId, id, token, DeliveryStatus.QUEUED, nextAttemptAt, statusCode, error, now);
  }

  @Override
  public boolean fail(String tenantId, String id, String token, Integer statusCode, String error,
      Instant now) {
    return release(tenantId, id, token, DeliveryStatus.FAILED, now, statusCode, error, now);
  }

  private boolean release(String tenantId, String id, String token, DeliveryStatus status,
      Instant nextAttemptAt, Integer statusCode, String error, Instant now) {
    return jdbc.sql("""
            UPDATE webhook_deliveries
               SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
                   claim_token = NULL, lease_until = NULL, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'sending' AND claim_token = ?""")
        .params(status.dbValue(), utc(nextAttemptAt), statusCode, error, utc(now), tenantId, id,
            token)
        .update() == 1;
  }

  @Override
  public int failQueued(String tenantId, String subscriptionId, String error, Instant now) {
    return jdbc.sql("""
            UPDATE webhook_deliveries SET status = 'failed', last_error = ?, updated_at = ?
             WHERE tenant_id = ? AND subscription_id = ? AND status = 'queued'""")
        .params(error, utc(now), tenantId, subscriptionId)
        .update();
  }

  @Override
  public int releaseExpired(Instant now) {
    return jdbc.sql("""
            UPDATE webhook_deliveries
               SET status = 'queued', claim_token = NULL, lease_until = NULL, updated_at = ?
             WHERE status = 'sending' AND lease_until < ?""")
        .params(utc(now), utc(now))
        .update();
  }

  @Override
  public List<WebhookDelivery> recent(String tenantId, String subscriptionId, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM webhook_deliveries WHERE tenant_id = ? AND subscription_id = ?
            ORDER BY created_at DESC, id DESC LIMIT ?""")
        .params(tenantId, subscriptionId, limit)
        .query(JdbcWebhookDeliveries::map)
        .list();
  }

  @Override
  public long countByStatus(DeliveryStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE status = ?")
        .params(status.dbValue())
        .query(Long.class)
        .single();
  }

  @Override
  public int purgeSettled(Instant cutoff) {
    return jdbc.sql("""
            DELETE FROM webhook_deliveries
             WHERE status IN ('delivered', 'failed') AND updated_at < ?""")
        .params(utc(cutoff))
        .update();
  }

  private static String prefixed(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }

  private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
    int code = rs.getInt("last_status_code");
    Integer statusCode = rs.wasNull() ? null : code;
    return new WebhookDelivery(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("subscription_id"),
        rs.getString("conversation_id"),
        rs.getLong("change_seq"),
        rs.getString("event"),
        DeliveryStatus.fromDb(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        statusCode,
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
