package dev.switchboard.access.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.access.RevocationStore;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcRevocationStore implements RevocationStore {
  private final JdbcClient jdbc;

  public JdbcRevocationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(Cutoff c) {
    int updated =
        jdbc.sql("UPDATE access_revocations SET revoked_at = ? WHERE tenant_id = ? AND user_id = ?")
            .params(utc(c.at()), c.tenantId(), c.userId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO access_revocations (tenant_id, user_id, revoked_at) VALUES (?, ?, ?)
              ON CONFLICT DO NOTHING""")
          .params(c.tenantId(), c.userId(), utc(c.at()))
          .update();
    }
  }

  @Override
  public List<Cutoff> since(Instant since) {
    // Every node reads the whole (small) table: revocations are server-wide state by nature.
    String sql = "SELECT tenant_id, user_id, revoked_at FROM access_revocations";
    var statement = since == null ? jdbc.sql(sql) : jdbc.sql(sql + " WHERE revoked_at >= ?").param(utc(since));
    return statement
        .query((rs, n) -> new Cutoff(rs.getString(1), rs.getString(2), instant(rs, "revoked_at")))
        .list();
  }
}
