package dev.switchboard.message.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.message.MessageFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcMessageFlags implements MessageFlags {
  private final JdbcClient jdbc;

  public JdbcMessageFlags(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(String tenantId, String messageId, String userId, Instant at) {
    // Callers hold the message row lock, so the NOT EXISTS check cannot race (and PostgreSQL
    // would abort the transaction on a caught duplicate key).
    return jdbc.sql("""
            INSERT INTO message_flags (tenant_id, message_id, user_id, created_at)
            SELECT ?, ?, ?, ? WHERE NOT EXISTS (
              SELECT 1 FROM message_flags WHERE tenant_id = ? AND message_id = ? AND user_id = ?)""")
        .params(tenantId, messageId, userId, utc(at), tenantId, messageId, userId)
        .update() > 0;
  }

  @Override
  public boolean remove(String tenantId, String messageId, String userId) {
    return jdbc.sql("DELETE FROM message_flags WHERE tenant_id = ? AND message_id = ? AND user_id = ?")
        .params(tenantId, messageId, userId)
        .update() > 0;
  }

  @Override
  public void clear(String tenantId, String messageId) {
    jdbc.sql("DELETE FROM message_flags WHERE tenant_id = ? AND message_id = ?")
        .params(tenantId, messageId)
        .update();
  }

  @Override
  public Map<String, List<String>> flaggers(String tenantId, Collection<String> messageIds) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (messageIds.isEmpty()) {
      return out;
    }
    jdbc.sql("""
            SELECT message_id, user_id FROM message_flags
             WHERE tenant_id = :tenant AND message_id IN (:ids)
             ORDER BY message_id, created_at, user_id""")
        .param("tenant", tenantId)
        .param("ids", messageIds)
        .query(rs -> {
          out.computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>()).add(rs.getString("user_id"));
        });
    return out;
  }
}
