package dev.switchboard.file.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.file.FilePolicies;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcFilePolicies implements FilePolicies {
  private final JdbcClient jdbc;

  public JdbcFilePolicies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Boolean> shareGps(String tenantId) {
    return jdbc.sql("SELECT share_gps FROM file_policies WHERE tenant_id = ?")
        .param(tenantId)
        .query(Boolean.class)
        .optional();
  }

  /** Standard MERGE: the same statement upserts on PostgreSQL (15+) and H2. */
  @Override
  public void setShareGps(String tenantId, boolean shareGps, Instant at) {
    jdbc.sql(
            """
            MERGE INTO file_policies p
            USING (VALUES (CAST(? AS CHAR(24)), CAST(? AS BOOLEAN),
                           CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v (tenant_id, share_gps, at)
               ON p.tenant_id = v.tenant_id
             WHEN MATCHED THEN UPDATE SET share_gps = v.share_gps, updated_at = v.at
             WHEN NOT MATCHED THEN INSERT (tenant_id, share_gps, updated_at)
                                   VALUES (v.tenant_id, v.share_gps, v.at)""")
        .params(tenantId, shareGps, utc(at))
        .update();
  }
}
