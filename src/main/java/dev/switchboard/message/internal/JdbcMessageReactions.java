package dev.switchboard.message.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.message.MessageReactions;
import dev.switchboard.message.Reaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcMessageReactions implements MessageReactions {
  private static final String SELECT =
      "SELECT tenant_id, id, message_id, user_id, name, created_at FROM message_reactions ";

  private final JdbcClient jdbc;

  public JdbcMessageReactions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(Reaction r) {
    // No duplicate-key catch: PostgreSQL aborts the transaction on it. Callers hold the message
    // row lock, so the NOT EXISTS check cannot race.
    return jdbc.sql("""
            INSERT INTO message_reactions (tenant_id, id, message_id, user_id, name, created_at)
            SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
              SELECT 1 FROM message_reactions
               WHERE tenant_id = ? AND message_id = ? AND user_id = ? AND name = ?)""")
        .params(r.tenantId(), r.id(), r.messageId(), r.userId(), r.name(), utc(r.createdAt()),
            r.tenantId(), r.messageId(), r.userId(), r.name())
        .update() > 0;
  }

  @Override
  public Optional<Reaction> find(String tenantId, String messageId, String userId, String name) {
    return jdbc.sql(SELECT + "WHERE tenant_id = ? AND message_id = ? AND user_id = ? AND name = ?")
        .params(tenantId, messageId, userId, name)
        .query(JdbcMessageReactions::map)
        .optional();
  }

  @Override
  public void remove(String tenantId, String reactionId) {
    jdbc.sql("DELETE FROM message_reactions WHERE tenant_id = ? AND id = ?")
        .params(tenantId, reactionId)
        .update();
  }

  @Override
  public Map<String, Map<String, Long>> counts(String tenantId, Collection<String> messageIds) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    if (messageIds.isEmpty()) {
      return out;
    }
    jdbc.sql("""
            SELECT message_id, name, COUNT(*) AS n, MIN(id) AS first_id FROM message_reactions
             WHERE tenant_id = :tenant AND message_id IN (:ids)
             GROUP BY message_id, name
             ORDER BY message_id, first_id""")
        .param("tenant", tenantId)
        .param("ids", messageIds)
        .query(rs -> {
          out.computeIfAbsent(rs.getString("message_id"), k -> new LinkedHashMap<>())
              .put(rs.getString("name"), rs.getLong("n"));
        });
    return out;
  }

  @Override
  public Map<String, List<String>> namesOf(
      String tenantId, Collection<String> messageIds, String userId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (messageIds.isEmpty()) {
      return out;
    }
    jdbc.sql("""
            SELECT message_id, name FROM message_reactions
             WHERE tenant_id = :tenant AND message_id IN (:ids) AND user_id = :user
             ORDER BY message_id, id""")
        .param("tenant", tenantId)
        .param("ids", messageIds)
        .param("user", userId)
        .query(rs -> {
          out.computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>()).add(rs.getString("name"));
        });
    return out;
  }

  @Override
  public List<Reaction> list(String tenantId, String messageId, String name, String afterId, int limit) {
    return jdbc.sql(SELECT + """
            WHERE tenant_id = :tenant AND message_id = :message
              AND (CAST(:name AS VARCHAR(100)) IS NULL OR name = :name)
              AND (CAST(:after AS VARCHAR(24)) IS NULL OR id > :after)
            ORDER BY id FETCH FIRST :limit ROWS ONLY""")
        .param("tenant", tenantId)
        .param("message", messageId)
        .param("name", name)
        .param("after", afterId)
        .param("limit", limit)
        .query(JdbcMessageReactions::map)
        .list();
  }

  private static Reaction map(ResultSet rs, int row) throws SQLException {
    return new Reaction(rs.getString("tenant_id"), rs.getString("id"), rs.getString("message_id"),
        rs.getString("user_id"), rs.getString("name"), instant(rs, "created_at"));
  }
}
