package dev.switchboard.sms.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.sms.OutboxLoad;
import dev.switchboard.sms.SmsOutboxEntries;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.sms.SmsStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcSmsOutboxEntries implements SmsOutboxEntries {
  private static final String COLUMNS =
      "tenant_id, id, message_id, sender, recipient, body, status, attempts, next_attempt_at,"
          + " lease_until, segments, last_error, created_at, updated_at";

  private final JdbcClient jdbc;

  public JdbcSmsOutboxEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(SmsOutboxEntry e) {
    jdbc.sql("INSERT INTO sms_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(e.tenantId(), e.id(), e.messageId(), e.from(), e.to(), e.text(),
            e.status().dbValue(), e.attempts(), utc(e.nextAttemptAt()), utc(e.leaseUntil()),
            e.segments(), e.lastError(), utc(e.createdAt()), utc(e.updatedAt()))
        .update();
  }

  @Override
  public Optional<SmsOutboxEntry> find(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE tenant_id = ? AND id = ?")
        .params(tenantId, id)
        .query(JdbcSmsOutboxEntries::map)
        .optional();
  }

  @Override
  public List<SmsOutboxEntry> due(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM sms_outbox WHERE status = 'queued' AND next_attempt_at <= ?
            ORDER BY next_attempt_at LIMIT ?""")
        .params(utc(now), limit)
        .query(JdbcSmsOutboxEntries::map)
        .list();
  }

  @Override
  public boolean claim(String tenantId, String id, String token, Instant now, Instant leaseUntil) {
    return jdbc.sql("""
            UPDATE sms_outbox
               SET status = 'sending', attempts = attempts + 1, claim_token = ?, lease_until = ?,
                   updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'queued' AND next_attempt_at <= ?""")
        .params(token, utc(leaseUntil), utc(now), tenantId, id, utc(now))
        .update() == 1;
  }

  @Override
  public boolean markSent(String tenantId, String id, String token, List<String> carrierIds,
      int segments, Instant now) {
    boolean won = jdbc.sql("""
            UPDATE sms_outbox
               SET status = 'sent', segments = ?, claim_token = NULL, lease_until = NULL,
                   last_error = NULL, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status IN ('sending', 'unknown')
               AND claim_token = ?""")
        .params(segments, utc(now), tenantId, id, token)
        .update() == 1;
    if (won) {
      JdbcSmsOutboxParts.insert(jdbc, tenantId, id, carrierIds);
    }
    return won;
  }

  @Override
  public boolean requeue(String tenantId, String id, String token, Instant nextAttemptAt,
      String error, Instant now) {
    return release(tenantId, id, token, "queued", nextAttemptAt, error, now);
  }

  @Override
  public boolean fail(String tenantId, String id, String token, String error, Instant now) {
    // A failed entry is never due again: its due time keeps only its record value.
    return release(tenantId, id, token, "failed", now, error, now);
  }

  @Override
  public boolean markUnknown(String tenantId, String id, String token, String error, Instant now) {
    return release(tenantId, id, token, "unknown", now, error, now);
  }

  /** Ends the claim: back to queued (with a new due time), failed or unknown. */
  private boolean release(String tenantId, String id, String token, String status,
      Instant nextAttemptAt, String error, Instant now) {
    return jdbc.sql("""
            UPDATE sms_outbox
               SET status = ?, next_attempt_at = ?, last_error = ?,
                   claim_token = NULL, lease_until = NULL, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'sending' AND claim_token = ?""")
        .params(status, utc(nextAttemptAt), error, utc(now), tenantId, id, token)
        .update() == 1;
  }

  @Override
  public List<SmsOutboxEntry> expiredLeases(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM sms_outbox WHERE status = 'sending' AND lease_until < ?
            ORDER BY lease_until LIMIT ?""")
        .params(utc(now), limit)
        .query(JdbcSmsOutboxEntries::map)
        .list();
  }

  @Override
  public boolean abandon(String tenantId, String id, String error, Instant now) {
    return jdbc.sql("""
            UPDATE sms_outbox
               SET status = 'unknown', last_error = ?, lease_until = NULL, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'sending' AND lease_until < ?""")
        .params(error, utc(now), tenantId, id, utc(now))
        .update() == 1;
  }

  @Override
  public Optional<SmsStatus> lockStatus(String tenantId, String id) {
    return jdbc.sql("SELECT status FROM sms_outbox WHERE tenant_id = ? AND id = ? FOR UPDATE")
        .params(tenantId, id)
        .query((rs, row) -> SmsStatus.fromDb(rs.getString("status")))
        .optional();
  }

  @Override
  public boolean settle(String tenantId, String id, SmsStatus outcome, String error, Instant now) {
    return jdbc.sql("""
            UPDATE sms_outbox SET status = ?, last_error = ?, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'sent'""")
        .params(outcome.dbValue(), error, utc(now), tenantId, id)
        .update() == 1;
  }

  @Override
  public List<SmsOutboxEntry> list(String tenantId, SmsStatus status, int limit, long offset) {
    List<Object> params = new java.util.ArrayList<>(List.of(tenantId));
    if (status != null) {
      params.add(status.dbValue());
    }
    params.add(limit);
    params.add(offset);
    return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE tenant_id = ?"
            + (status == null ? "" : " AND status = ?")
            + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
        .params(params)
        .query(JdbcSmsOutboxEntries::map)
        .list();
  }

  @Override
  public List<SmsOutboxEntry> sentWithSettledParts(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM sms_outbox o WHERE o.status = 'sent'
               AND EXISTS (SELECT 1 FROM sms_outbox_parts p
                            WHERE p.tenant_id = o.tenant_id AND p.outbox_id = o.id)
               AND (NOT EXISTS (SELECT 1 FROM sms_outbox_parts p WHERE p.tenant_id = o.tenant_id
                                   AND p.outbox_id = o.id AND p.status = 'sent')
                    OR EXISTS (SELECT 1 FROM sms_outbox_parts p WHERE p.tenant_id = o.tenant_id
                                   AND p.outbox_id = o.id AND p.status = 'failed'))
            LIMIT ?""")
        .param(limit)
        .query(JdbcSmsOutboxEntries::map)
        .list();
  }

  @Override
  public long count(String tenantId, SmsStatus status) {
    return (status == null
            ? jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE tenant_id = ?").param(tenantId)
            : jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE tenant_id = ? AND status = ?")
                .params(tenantId, status.dbValue()))
        .query(Long.class)
        .single();
  }

  // Server-wide, like the worker's own scans: the (status, next_attempt_at) index serves it.
  @Override
  public long countInStatus(SmsStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE status = ?")
        .param(status.dbValue())
        .query(Long.class)
        .single();
  }

  @Override
  public boolean cancel(String tenantId, String id, String reason, Instant now) {
    return jdbc.sql("""
            UPDATE sms_outbox SET status = 'failed', last_error = ?, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status = 'queued'""")
        .params(reason, utc(now), tenantId, id)
        .update() == 1;
  }

  @Override
  public boolean retry(String tenantId, String id, String note, Instant now) {
    boolean won = jdbc.sql("""
            UPDATE sms_outbox
               SET status = 'queued', next_attempt_at = ?, last_error = ?, claim_token = NULL,
                   lease_until = NULL, segments = NULL, updated_at = ?
             WHERE tenant_id = ? AND id = ? AND status IN ('failed', 'unknown')""")
        .params(utc(now), note, utc(now), tenantId, id)
        .update() == 1;
    if (won) {
      jdbc.sql("DELETE FROM sms_outbox_parts WHERE tenant_id = ? AND outbox_id = ?")
          .params(tenantId, id)
          .update();
    }
    return won;
  }

  @Override
  public OutboxLoad load(Instant now) {
    Map<SmsStatus, Long> depth = new EnumMap<>(SmsStatus.class);
    jdbc.sql("""
            SELECT status, COUNT(*) AS n FROM sms_outbox
             WHERE status IN ('queued', 'sending', 'sent', 'unknown') GROUP BY status""")
        .query(rs -> {
          depth.put(SmsStatus.fromDb(rs.getString("status")), rs.getLong("n"));
        });
    // One row with NULL when nothing is due: read it as a list, never as a required value.
    Instant oldestDue = jdbc.sql("""
            SELECT MIN(next_attempt_at) AS oldest FROM sms_outbox
             WHERE status = 'queued' AND next_attempt_at <= ?""")
        .param(utc(now))
        .query((rs, row) -> instant(rs, "oldest"))
        .list()
        .getFirst();
    long unmatched = jdbc.sql("SELECT COUNT(*) FROM sms_unmatched_receipts")
        .query(Long.class)
        .single();
    Duration wait = oldestDue == null ? Duration.ZERO : Duration.between(oldestDue, now);
    return new OutboxLoad(depth, wait.isNegative() ? Duration.ZERO : wait, unmatched);
  }

  private static SmsOutboxEntry map(ResultSet rs, int row) throws SQLException {
    int segments = rs.getInt("segments");
    Integer segmentCount = rs.wasNull() ? null : segments;
    return new SmsOutboxEntry(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("message_id"),
        rs.getString("sender"),
        rs.getString("recipient"),
        rs.getString("body"),
        SmsStatus.fromDb(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        instant(rs, "lease_until"),
        segmentCount,
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
