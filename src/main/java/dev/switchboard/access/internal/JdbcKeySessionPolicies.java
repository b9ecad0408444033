package dev.switchboard.access.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.access.KeySessionPolicies;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcKeySessionPolicies implements KeySessionPolicies {
  private final JdbcClient jdbc;

  public JdbcKeySessionPolicies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean profileUpdates(String tenantId) {
    return jdbc.sql("SELECT profile_updates FROM key_session_policies WHERE tenant_id = ?")
        .param(tenantId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  @Override
  public void setProfileUpdates(String tenantId, boolean allowed, Instant now) {
    int updated =
        jdbc.sql(
                """
                UPDATE key_session_policies SET profile_updates = ?, updated_at = ?
                WHERE tenant_id = ?""")
            .params(allowed, utc(now), tenantId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO key_session_policies (tenant_id, profile_updates, updated_at)
              VALUES (?, ?, ?)""")
          .params(tenantId, allowed, utc(now))
          .update();
    }
  }
}
