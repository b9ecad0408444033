package dev.switchboard.tenant.internal;

import dev.switchboard.tenant.Tenant;
import dev.switchboard.shared.jdbc.SqlText;
import dev.switchboard.tenant.Tenants;
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
public class JdbcTenants implements Tenants {
  private static final String LIVE = " AND deleted_at IS NULL";

  private final JdbcClient jdbc;

  public JdbcTenants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Tenant tenant) {
    return jdbc.sql(
                """
                INSERT INTO tenants (id, name, description, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(
                tenant.id(),
                tenant.name(),
                tenant.description(),
                tenant.createdAt().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }

  @Override
  public Optional<Tenant> findByName(String name) {
    return jdbc.sql("SELECT * FROM tenants WHERE name = ?" + LIVE).param(name).query(this::map).optional();
  }

  @Override
  public Optional<Tenant> findById(String id) {
    return jdbc.sql("SELECT * FROM tenants WHERE id = ?" + LIVE).param(id).query(this::map).optional();
  }

  @Override
  public List<Tenant> findAll() {
    return jdbc.sql("SELECT * FROM tenants WHERE deleted_at IS NULL ORDER BY name").query(this::map).list();
  }

  @Override
  public Optional<String> reseller(String tenantId) {
    return jdbc.sql("SELECT reseller FROM tenants WHERE id = ?")
        .param(tenantId)
        .query((rs, n) -> Optional.ofNullable(rs.getString("reseller")))
        .optional()
        .flatMap(r -> r);
  }

  @Override
  public boolean assignReseller(String tenantId, String reseller) {
    return jdbc.sql("UPDATE tenants SET reseller = ? WHERE id = ?")
            .params(reseller, tenantId)
            .update()
        == 1;
  }

  @Override
  public List<Tenant> search(String text, int limit, long offset) {
    return filtered("SELECT * FROM tenants", text, " ORDER BY name LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query(this::map)
        .list();
  }

  @Override
  public long count(String text) {
    return filtered("SELECT COUNT(*) FROM tenants", text, "").query(Long.class).single();
  }

  // The operator's list of every domain: the one query not scoped to a tenant, by its nature.
  private JdbcClient.StatementSpec filtered(String select, String text, String tail) {
    String where = " WHERE deleted_at IS NULL";
    if (SqlText.given(text)) {
      where += " AND (LOWER(name) LIKE :text" + SqlText.ESCAPE + " OR LOWER(description) LIKE :text"
          + SqlText.ESCAPE + ")";
    }
    JdbcClient.StatementSpec spec = jdbc.sql(select + where + tail);
    return SqlText.given(text) ? spec.param("text", SqlText.contains(text)) : spec;
  }

  @Override
  public boolean describe(String tenantId, String description) {
    return jdbc.sql("UPDATE tenants SET description = ? WHERE id = ?" + LIVE)
            .params(description, tenantId)
            .update()
        == 1;
  }

  @Override
  public boolean markDeleted(String tenantId, Instant at) {
    return jdbc.sql("UPDATE tenants SET deleted_at = ? WHERE id = ?" + LIVE)
            .params(at.atOffset(ZoneOffset.UTC), tenantId)
            .update()
        == 1;
  }

  private Tenant map(ResultSet rs, int row) throws SQLException {
    return new Tenant(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
