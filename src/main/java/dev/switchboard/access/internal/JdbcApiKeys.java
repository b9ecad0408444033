package dev.switchboard.access.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyInfo;
import dev.switchboard.access.ApiKeys;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.jdbc.SqlText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcApiKeys implements ApiKeys {
  private final JdbcClient jdbc;

  public JdbcApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(ApiKey key, String keyHash) {
    // The primary key (tenant_id, id) decides a clash without an exception in the transaction.
    return jdbc.sql(
            """
            INSERT INTO api_keys (tenant_id, id, key_hash, description, scope, created_at, user_id,
                                  readonly, can_create_keys)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM api_keys WHERE tenant_id = ? AND id = ?)""")
        .params(
            key.tenantId(),
            key.keyId(),
            keyHash,
            key.description(),
            key.scope().name(),
            key.createdAt().atOffset(ZoneOffset.UTC),
            key.userId(),
            key.readonly(),
            key.canCreateKeys(),
            key.tenantId(),
            key.keyId())
        .update()
        == 1;
  }

  @Override
  public List<ApiKeyInfo> findLive(String keyId) {
    return jdbc.sql("SELECT * FROM api_keys WHERE id = ? AND revoked_at IS NULL")
        .param(keyId)
        .query(JdbcApiKeys::info)
        .list();
  }

  @Override
  public boolean describe(String tenantId, String keyId, String description) {
    return jdbc.sql(
                """
                UPDATE api_keys SET description = ?
                 WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL""")
            .params(description, tenantId, keyId)
            .update()
        == 1;
  }

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return jdbc.sql(
            """
            SELECT tenant_id, id, description, scope, created_at, user_id, readonly,
                   can_create_keys
            FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL""")
        .param(keyHash)
        .query(JdbcApiKeys::key)
        .optional();
  }

  @Override
  public List<ApiKeyInfo> list(String tenantId, String text, int limit, long offset) {
    return filtered("SELECT * FROM api_keys", tenantId, text,
            " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query(JdbcApiKeys::info)
        .list();
  }

  @Override
  public long count(String tenantId, String text) {
    return filtered("SELECT COUNT(*) FROM api_keys", tenantId, text, "").query(Long.class).single();
  }

  private JdbcClient.StatementSpec filtered(String select, String tenantId, String text, String tail) {
    String where = " WHERE tenant_id = :tenant";
    if (SqlText.given(text)) {
      where += " AND (LOWER(id) LIKE :text" + SqlText.ESCAPE + " OR LOWER(description) LIKE :text"
          + SqlText.ESCAPE + " OR LOWER(user_id) LIKE :text" + SqlText.ESCAPE + ")";
    }
    JdbcClient.StatementSpec spec = jdbc.sql(select + where + tail).param("tenant", tenantId);
    return SqlText.given(text) ? spec.param("text", SqlText.contains(text)) : spec;
  }

  @Override
  public Optional<ApiKeyInfo> find(String tenantId, String keyId) {
    return jdbc.sql("SELECT * FROM api_keys WHERE tenant_id = ? AND id = ?")
        .params(tenantId, keyId)
        .query(JdbcApiKeys::info)
        .optional();
  }

  @Override
  public boolean revoke(String tenantId, String keyId, Instant now) {
    return jdbc.sql(
                "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")
            .params(utc(now), tenantId, keyId)
            .update()
        == 1;
  }

  @Override
  public int revokeActingAs(String tenantId, String userId, Instant now) {
    return jdbc.sql(
            """
            UPDATE api_keys SET revoked_at = ?
             WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL""")
        .params(utc(now), tenantId, userId)
        .update();
  }

  @Override
  public int revokeTenant(String tenantId, Instant now) {
    return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND revoked_at IS NULL")
        .params(utc(now), tenantId)
        .update();
  }

  @Override
  public void touch(String tenantId, String keyId, Instant now) {
    jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE tenant_id = ? AND id = ?")
        .params(utc(now), tenantId, keyId)
        .update();
  }

  private static ApiKeyInfo info(ResultSet rs, int row) throws SQLException {
    return new ApiKeyInfo(key(rs, row), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
  }

  private static ApiKey key(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("description"),
        Scope.valueOf(rs.getString("scope")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("user_id"),
        rs.getBoolean("readonly"),
        rs.getBoolean("can_create_keys"));
  }
}
