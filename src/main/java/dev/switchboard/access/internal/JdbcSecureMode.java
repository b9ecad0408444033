package dev.switchboard.access.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.access.SecureMode;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcSecureMode implements SecureMode {
  private final JdbcClient jdbc;

  public JdbcSecureMode(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void enable(String tenantId, String serverKeyHash, Instant now) {
    // Insert first, ON CONFLICT rather than update-then-insert: two concurrent enables of a
    // domain without a row both inserted, and the second failed on the key (a 500).
    int inserted =
        jdbc.sql(
                """
                INSERT INTO session_settings (tenant_id, server_key_hash, secure_mode, updated_at)
                VALUES (?, ?, TRUE, ?)
                ON CONFLICT DO NOTHING""")
            .params(tenantId, serverKeyHash, utc(now))
            .update();
    if (inserted == 0) {
      jdbc.sql(
              """
              UPDATE session_settings SET server_key_hash = ?, secure_mode = TRUE, updated_at = ?
              WHERE tenant_id = ?""")
          .params(serverKeyHash, utc(now), tenantId)
          .update();
    }
  }

  @Override
  public boolean disable(String tenantId, Instant now) {
    return jdbc.sql(
                """
                UPDATE session_settings SET secure_mode = FALSE, updated_at = ?
                WHERE tenant_id = ? AND secure_mode""")
            .params(utc(now), tenantId)
            .update()
        == 1;
  }

  @Override
  public boolean isEnabled(String tenantId) {
    return jdbc.sql("SELECT secure_mode FROM session_settings WHERE tenant_id = ?")
        .param(tenantId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  @Override
  public Optional<ServerKeyOwner> ownerOfServerKey(String serverKeyHash) {
    return jdbc.sql("SELECT tenant_id, secure_mode FROM session_settings WHERE server_key_hash = ?")
        .param(serverKeyHash)
        .query((rs, n) -> new ServerKeyOwner(rs.getString(1), rs.getBoolean(2)))
        .optional();
  }

  @Override
  public void insertAuthToken(String tokenHash, String tenantId, String userId, Instant expiresAt) {
    jdbc.sql(
            """
            INSERT INTO session_auth_tokens (token_hash, tenant_id, user_id, expires_at)
            VALUES (?, ?, ?, ?)""")
        .params(tokenHash, tenantId, userId, utc(expiresAt))
        .update();
  }

  @Override
  public boolean authTokenValid(String tokenHash, String tenantId, String userId, Instant now) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM session_auth_tokens
                WHERE token_hash = ? AND tenant_id = ? AND user_id = ? AND expires_at > ?""")
            .params(tokenHash, tenantId, userId, utc(now))
            .query(Long.class)
            .single()
        == 1;
  }

  @Override
  public int purgeAuthTokens(Instant cutoff) {
    return jdbc.sql("DELETE FROM session_auth_tokens WHERE expires_at <= ?")
        .param(utc(cutoff))
        .update();
  }
}
