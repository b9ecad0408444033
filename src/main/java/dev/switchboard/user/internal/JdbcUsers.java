package dev.switchboard.user.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.shared.Scope;
import dev.switchboard.shared.jdbc.SqlText;
import dev.switchboard.user.User;
import dev.switchboard.user.UserAccount;
import dev.switchboard.user.UserDirectoryQuery;
import dev.switchboard.user.UserSearch;
import dev.switchboard.user.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcUsers implements Users {
  private static final String COLUMNS =
      "tenant_id, user_id, id, display_name, scope, created_at, updated_at";

  /** Erased users are tombstones: no lookup finds them. */
  private static final String LIVE = " AND erased_at IS NULL";

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
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE tenant_id = ? AND user_id = ?"
                + LIVE)
        .params(tenantId, userId)
        .query(JdbcUsers::map)
        .optional();
  }

  @Override
  public List<User> findAll(String tenantId, Collection<String> userIds) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND user_id IN (:ids)"
                + LIVE)
        .param("tenant", tenantId)
        .param("ids", userIds)
        .query(JdbcUsers::map)
        .list();
  }

  @Override
  public boolean updateDisplayName(
      String tenantId, String userId, String displayName, Instant at) {
    return jdbc.sql(
                "UPDATE users SET display_name = ?, updated_at = ? WHERE tenant_id = ? AND user_id = ?"
                    + LIVE)
            .params(displayName, at.atOffset(ZoneOffset.UTC), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public Optional<String> passwordHash(String tenantId, String userId) {
    return jdbc.sql("SELECT password_hash FROM users WHERE tenant_id = ? AND user_id = ?"
                + " AND password_hash IS NOT NULL AND disabled_at IS NULL" + LIVE)
        .params(tenantId, userId)
        .query(String.class)
        .optional();
  }

  @Override
  public List<User> list(String tenantId, int limit, long offset) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM users WHERE tenant_id = ?" + LIVE
                + " ORDER BY user_id LIMIT ? OFFSET ?")
        .params(tenantId, limit, offset)
        .query(JdbcUsers::map)
        .list();
  }

  @Override
  public List<UserAccount> search(String tenantId, UserSearch search, int limit, long offset) {
    return filtered("SELECT " + COLUMNS + ", disabled_at FROM users", tenantId, search,
            " ORDER BY user_id LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> new UserAccount(map(rs, n), instant(rs, "disabled_at")))
        .list();
  }

  @Override
  public long count(String tenantId, UserSearch search) {
    return filtered("SELECT COUNT(*) FROM users", tenantId, search, "").query(Long.class).single();
  }

  @Override
  public List<User> directory(String tenantId, UserDirectoryQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant")
        .append(LIVE).append(" AND disabled_at IS NULL");
    boolean keyword = SqlText.given(query.keyword());
    if (keyword && query.exact()) {
      sql.append(" AND (LOWER(user_id) = :text OR LOWER(display_name) = :text)");
    } else if (keyword) {
      sql.append(" AND (LOWER(user_id) LIKE :text").append(SqlText.ESCAPE)
          .append(" OR LOWER(display_name) LIKE :text").append(SqlText.ESCAPE).append(")");
    }
    sql.append(switch (query.order()) {
      case DISPLAY_NAME -> " ORDER BY LOWER(COALESCE(display_name, user_id)), user_id";
      case FIRST_CREATED -> " ORDER BY created_at, user_id";
      case LAST_CREATED -> " ORDER BY created_at DESC, user_id";
    });
    sql.append(" LIMIT :limit OFFSET :offset");
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("tenant", tenantId)
        .param("limit", query.limit()).param("offset", query.offset());
    if (keyword) {
      spec = spec.param("text", query.exact()
          ? query.keyword().strip().toLowerCase(java.util.Locale.ROOT) : SqlText.contains(query.keyword()));
    }
    return spec.query(JdbcUsers::map).list();
  }

  private JdbcClient.StatementSpec filtered(
      String select, String tenantId, UserSearch search, String tail) {
    StringBuilder where = new StringBuilder(" WHERE tenant_id = :tenant").append(LIVE);
    boolean text = SqlText.given(search.text());
    if (text) {
      where.append(" AND (LOWER(user_id) LIKE :text").append(SqlText.ESCAPE)
          .append(" OR LOWER(display_name) LIKE :text").append(SqlText.ESCAPE).append(")");
    }
    if (search.disabled() != null) {
      where.append(search.disabled() ? " AND disabled_at IS NOT NULL" : " AND disabled_at IS NULL");
    }
    JdbcClient.StatementSpec spec = jdbc.sql(select + where + tail).param("tenant", tenantId);
    return text ? spec.param("text", SqlText.contains(search.text())) : spec;
  }

  @Override
  public Optional<UserAccount> findAccount(String tenantId, String userId) {
    return jdbc.sql("SELECT " + COLUMNS + ", disabled_at FROM users WHERE tenant_id = ? AND user_id = ?"
            + LIVE)
        .params(tenantId, userId)
        .query((rs, n) -> new UserAccount(map(rs, n), instant(rs, "disabled_at")))
        .optional();
  }

  @Override
  public boolean setDisabled(String tenantId, String userId, Instant at) {
    return jdbc.sql("UPDATE users SET disabled_at = ? WHERE tenant_id = ? AND user_id = ?" + LIVE)
            .params(utc(at), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public boolean updateProfile(
      String tenantId, String userId, String displayName, Scope scope, Instant at) {
    return jdbc.sql(
                "UPDATE users SET display_name = ?, scope = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND user_id = ?" + LIVE)
            .params(displayName, scope.name(), utc(at), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public boolean setPasswordHash(String tenantId, String userId, String passwordHash, Instant at) {
    return jdbc.sql(
                "UPDATE users SET password_hash = ?, updated_at = ? WHERE tenant_id = ? AND user_id = ?"
                    + LIVE)
            .params(passwordHash, utc(at), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public boolean erase(String tenantId, String userId, Instant at) {
    return jdbc.sql(
                """
                UPDATE users SET display_name = NULL, password_hash = NULL, email = NULL, updated_at = ?,
                                 disabled_at = COALESCE(disabled_at, ?), erased_at = ?
                 WHERE tenant_id = ? AND user_id = ? AND erased_at IS NULL""")
            .params(utc(at), utc(at), utc(at), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public boolean setEmail(String tenantId, String userId, String email, Instant at) {
    return jdbc.sql(
                "UPDATE users SET email = ?, updated_at = ? WHERE tenant_id = ? AND user_id = ?"
                    + LIVE)
            .params(email, utc(at), tenantId, userId)
            .update()
        == 1;
  }

  @Override
  public Map<String, String> emails(String tenantId, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> found = new HashMap<>();
    jdbc.sql(
            "SELECT user_id, email FROM users WHERE tenant_id = :tenant AND user_id IN (:ids)"
                + " AND email IS NOT NULL" + LIVE)
        .param("tenant", tenantId)
        .param("ids", userIds)
        .query(rs -> {
          found.put(rs.getString("user_id"), rs.getString("email"));
        });
    return found;
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
