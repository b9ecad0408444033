package dev.switchboard.access.internal;

import dev.switchboard.access.RefreshTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcRefreshTokens implements RefreshTokens {
  private final JdbcClient jdbc;

  public JdbcRefreshTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(String tokenHash, Grant grant, Instant expiresAt, Instant now) {
    jdbc.sql(
            """
            INSERT INTO refresh_tokens (token_hash, tenant_id, user_id, family_id, expires_at,
                                        created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            tokenHash,
            grant.tenantId(),
            grant.userId(),
            grant.familyId(),
            expiresAt.atOffset(ZoneOffset.UTC),
            now.atOffset(ZoneOffset.UTC))
        .update();
  }

  @Override
  public Optional<Grant> consume(String tokenHash, Instant now) {
    // The conditional UPDATE is the atomic step: of two concurrent uses, exactly one matches.
    int used =
        jdbc.sql(
                """
                UPDATE refresh_tokens SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
            .params(now.atOffset(ZoneOffset.UTC), tokenHash, now.atOffset(ZoneOffset.UTC))
            .update();
    if (used == 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT tenant_id, user_id, family_id FROM refresh_tokens WHERE token_hash = ?")
        .param(tokenHash)
        .query((rs, n) -> new Grant(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  @Override
  public Optional<String> familyOf(String tokenHash) {
    return jdbc.sql("SELECT family_id FROM refresh_tokens WHERE token_hash = ?")
        .param(tokenHash)
        .query(String.class)
        .optional();
  }

  @Override
  public Optional<Grant> familyOwner(String familyId) {
    return jdbc.sql(
            """
            SELECT tenant_id, user_id, family_id FROM refresh_tokens
             WHERE family_id = ? FETCH FIRST 1 ROWS ONLY""")
        .param(familyId)
        .query((rs, n) -> new Grant(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  @Override
  public void revokeFamily(String familyId, Instant now) {
    jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE family_id = ? AND used_at IS NULL")
        .params(now.atOffset(ZoneOffset.UTC), familyId)
        .update();
  }

  @Override
  public int revokeUser(String tenantId, String userId, Instant now) {
    return jdbc.sql(
            """
            UPDATE refresh_tokens SET used_at = ?
             WHERE tenant_id = ? AND user_id = ? AND used_at IS NULL""")
        .params(now.atOffset(ZoneOffset.UTC), tenantId, userId)
        .update();
  }

  @Override
  public int revokeTenant(String tenantId, Instant now) {
    return jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE tenant_id = ? AND used_at IS NULL")
        .params(now.atOffset(ZoneOffset.UTC), tenantId)
        .update();
  }

  @Override
  public boolean familyLive(String tenantId, String familyId, Instant now) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM refresh_tokens
                WHERE tenant_id = ? AND family_id = ? AND used_at IS NULL AND expires_at > ?""")
            .params(tenantId, familyId, now.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single()
        > 0;
  }
}
