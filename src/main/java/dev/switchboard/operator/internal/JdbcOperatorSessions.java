package dev.switchboard.operator.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.operator.OperatorSession;
import dev.switchboard.operator.OperatorSessionStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcOperatorSessions implements OperatorSessionStore {
  private final JdbcClient jdbc;

  public JdbcOperatorSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(String tokenHash, OperatorSession s) {
    jdbc.sql(
            """
            INSERT INTO operator_sessions (token_hash, id, csrf_token, created_at, expires_at,
                                           client_address)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(tokenHash, s.id(), s.csrfToken(), utc(s.createdAt()), utc(s.expiresAt()),
            s.clientAddress())
        .update();
  }

  @Override
  public Optional<OperatorSession> findLive(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            SELECT id, csrf_token, created_at, expires_at, client_address FROM operator_sessions
             WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
        .params(tokenHash, utc(now))
        .query(
            (rs, n) ->
                new OperatorSession(
                    rs.getString("id"),
                    rs.getString("csrf_token"),
                    instant(rs, "created_at"),
                    instant(rs, "expires_at"),
                    rs.getString("client_address")))
        .optional();
  }

  @Override
  public boolean revoke(String tokenHash, Instant now) {
    return jdbc.sql(
                "UPDATE operator_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
            .params(utc(now), tokenHash)
            .update()
        == 1;
  }

  @Override
  public int purge(Instant cutoff) {
    return jdbc.sql("DELETE FROM operator_sessions WHERE expires_at < ? OR revoked_at < ?")
        .params(utc(cutoff), utc(cutoff))
        .update();
  }
}
