package dev.switchboard.user.internal;

import dev.switchboard.shared.Scope;
import dev.switchboard.user.User;
import dev.switchboard.user.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcUsers implements Users {
  private static final String COLUMNS =
      "tenant_id, user_id, id, display_name, scope, created_at, updated_at";

  private final JdbcClient jdbc;

  public JdbcUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(User user, String passwordHash) {
    return jdbc.sql(
                """
                INSERT INTO users (tenant_id, user_id, id, display_name, password_hash, scope,
                                   created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(
                user.tenantId(),
                user.userId(),
                user.id(),
                user.displayName(),
                passwordHash,
                user.scope().name(),
                user.createdAt().atOffset(ZoneOffset.UTC),
                user.updatedAt().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }

  @Override
  public Optional<User> find(String tenantId, String userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE tenant_id = ? AND user_id = ?")
        .params(tenantId, userId)
        .query(JdbcUsers::map)
        .optional();
  }

  @Override
  public List<User> findAll(String tenantId, Collection<String> userIds) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND user_id IN (:ids)")
        .param("tenant", tenantId)
        .param("ids", userIds)
        .query(JdbcUsers::map)
        .list();
  }

  @Override
  public boolean updateDisplayName(
      String tenantId, String userId, String displayName, Instant at) {
    return jdbc.sql(
                "UPDATE users SET display_name = ?, updated_at = ? WHERE tenant_id = ? AND user_id = ?")
            .params(displayName, at.atOffset(ZoneOffset.UTC), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public Optional<String> passwordHash(String tenantId, String userId) {
    return jdbc.sql("SELECT password_hash FROM users WHERE tenant_id = ? AND user_id = ?"
                + " AND password_hash IS NOT NULL")
        .params(tenantId, userId)
        .query(String.class)
        .optional();
  }

  static User map(ResultSet rs, int row) throws SQLException {
    return new User(
        rs.getString("tenant_id"),
        rs.getString("user_id"),
        rs.getString("id"),
        rs.getString("display_name"),
        Scope.valueOf(rs.getString("scope")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
