package dev.switchboard.operator.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.operator.AuditEntries;
import dev.switchboard.operator.AuditEntry;
import dev.switchboard.operator.AuditQuery;
import dev.switchboard.shared.jdbc.SqlText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcAuditEntries implements AuditEntries {
  private final JdbcClient jdbc;

  public JdbcAuditEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(AuditEntry e) {
    jdbc.sql(
            """
            INSERT INTO audit_log (tenant_id, id, at, actor, action, domain, target, details,
                                   client_address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.tenantId(), e.id(), utc(e.at()), e.actor(), e.action(), e.domain(), e.target(),
            e.details(), e.clientAddress())
        .update();
  }

  @Override
  public List<AuditEntry> find(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.tenantId() != null) {
      sql.append(" AND tenant_id = :tenant");
      params.put("tenant", q.tenantId());
    }
    if (q.actionPrefix() != null && !q.actionPrefix().isBlank()) {
      sql.append(" AND action LIKE :action").append(SqlText.ESCAPE);
      params.put("action", SqlText.startsWith(q.actionPrefix()));
    }
    if (q.text() != null && !q.text().isBlank()) {
      sql.append(" AND (LOWER(target) LIKE :text").append(SqlText.ESCAPE)
          .append(" OR LOWER(details) LIKE :text").append(SqlText.ESCAPE).append(")");
      params.put("text", SqlText.contains(q.text()));
    }
    if (q.before() != null) {
      sql.append(" AND id < :before");
      params.put("before", q.before());
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getString("id"),
                    rs.getString("tenant_id"),
                    instant(rs, "at"),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("domain"),
                    rs.getString("target"),
                    rs.getString("details"),
                    rs.getString("client_address")))
        .list();
  }
}
