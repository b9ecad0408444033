package dev.switchboard.tenant.internal;

import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcTenants implements Tenants {
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
    return jdbc.sql("SELECT * FROM tenants WHERE name = ?").param(name).query(this::map).optional();
  }

  @Override
  public Optional<Tenant> findById(String id) {
    return jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(id).query(this::map).optional();
  }

  @Override
  public List<Tenant> findAll() {
    return jdbc.sql("SELECT * FROM tenants ORDER BY name").query(this::map).list();
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

  private Tenant map(ResultSet rs, int row) throws SQLException {
    return new Tenant(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
