package dev.switchboard.access.internal;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeys;
import dev.switchboard.shared.Scope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
  public void insert(ApiKey key, String keyHash) {
    jdbc.sql(
            """
            INSERT INTO api_keys (tenant_id, id, key_hash, description, scope, created_at, user_id,
                                  readonly, can_create_keys)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            key.tenantId(),
            key.keyId(),
            keyHash,
            key.description(),
            key.scope().name(),
            key.createdAt().atOffset(ZoneOffset.UTC),
            key.userId(),
            key.readonly(),
            key.canCreateKeys())
        .update();
  }

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return jdbc.sql(
            """
            SELECT tenant_id, id, description, scope, created_at, user_id, readonly,
                   can_create_keys
            FROM api_keys WHERE key_hash = ?""")
        .param(keyHash)
        .query(
            (rs, n) ->
                new ApiKey(
                    rs.getString("tenant_id"),
                    rs.getString("id"),
                    rs.getString("description"),
                    Scope.valueOf(rs.getString("scope")),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getString("user_id"),
                    rs.getBoolean("readonly"),
                    rs.getBoolean("can_create_keys")))
        .optional();
  }
}
