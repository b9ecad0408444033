package dev.switchboard.idempotency.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.idempotency.IdempotencyKeys;
import dev.switchboard.idempotency.IdempotentRequest;
import dev.switchboard.idempotency.StoredOutcome;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class JdbcIdempotencyKeys implements IdempotencyKeys {
  private static final String KEY = "tenant_id = ? AND caller = ? AND operation = ? AND idem_key = ?";
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  // The details column is this adapter's own format: a plain mapper, no app configuration.
  private final JsonMapper json = JsonMapper.builder().build();

  public JdbcIdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(IdempotentRequest r, Instant leaseUntil, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO idempotency_keys (tenant_id, caller, operation, idem_key, fingerprint,
                                              in_progress_until, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(r.tenantId(), r.caller(), r.operation(), r.key(), r.fingerprint(),
                utc(leaseUntil), utc(now), utc(leaseUntil))
            .update()
        == 1;
  }

  @Override
  public Optional<StoredOutcome> find(IdempotentRequest r) {
    return jdbc.sql(
            """
            SELECT fingerprint, in_progress_until, result_id, error_code, error_reason,
                   error_message, error_details
            FROM idempotency_keys WHERE\s""" + KEY)
        .params(r.tenantId(), r.caller(), r.operation(), r.key())
        .query(
            (rs, n) -> {
              String code = rs.getString("error_code");
              String reason = rs.getString("error_reason");
              StoredOutcome.Refusal refusal =
                  code == null
                      ? null
                      : new StoredOutcome.Refusal(
                          ErrorCode.valueOf(code),
                          reason == null ? null : ErrorReason.valueOf(reason),
                          rs.getString("error_message"),
                          json.readValue(rs.getString("error_details"), STRINGS));
              return new StoredOutcome(rs.getString("fingerprint"),
                  instant(rs, "in_progress_until"), rs.getString("result_id"), refusal);
            })
        .optional();
  }

  @Override
  public boolean takeOver(IdempotentRequest r, Instant leaseUntil, Instant now) {
    return jdbc.sql(
                "UPDATE idempotency_keys SET in_progress_until = ?, expires_at = ? WHERE " + KEY
                    + " AND in_progress_until IS NOT NULL AND in_progress_until < ?")
            .params(utc(leaseUntil), utc(leaseUntil), r.tenantId(), r.caller(), r.operation(),
                r.key(), utc(now))
            .update()
        == 1;
  }

  @Override
  public void succeeded(IdempotentRequest r, String resultId, Instant expiresAt) {
    jdbc.sql(
            "UPDATE idempotency_keys SET in_progress_until = NULL, result_id = ?, expires_at = ?"
                + " WHERE " + KEY)
        .params(resultId, utc(expiresAt), r.tenantId(), r.caller(), r.operation(), r.key())
        .update();
  }

  @Override
  public void refused(IdempotentRequest r, StoredOutcome.Refusal refusal, Instant expiresAt) {
    jdbc.sql(
            """
            UPDATE idempotency_keys SET in_progress_until = NULL, error_code = ?, error_reason = ?,
                   error_message = ?, error_details = ?, expires_at = ?
            WHERE\s""" + KEY)
        .params(
            refusal.code().name(),
            refusal.reason() == null ? null : refusal.reason().name(),
            refusal.messageTemplate(),
            json.writeValueAsString(refusal.detailTemplates()),
            utc(expiresAt),
            r.tenantId(), r.caller(), r.operation(), r.key())
        .update();
  }

  @Override
  public void release(IdempotentRequest r) {
    jdbc.sql("DELETE FROM idempotency_keys WHERE " + KEY + " AND in_progress_until IS NOT NULL")
        .params(r.tenantId(), r.caller(), r.operation(), r.key())
        .update();
  }

  @Override
  public int removeExpired(Instant now) {
    return jdbc.sql(
            """
            DELETE FROM idempotency_keys WHERE expires_at < ?
              AND (in_progress_until IS NULL OR in_progress_until < ?)""")
        .params(utc(now), utc(now))
        .update();
  }
}
