package dev.switchboard.message.internal;

import dev.switchboard.message.Message;
import dev.switchboard.message.OperatorMessages;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class JdbcOperatorMessages implements OperatorMessages {
  private final JdbcClient jdbc;
  private final MessageRows rows;
  private final MessageTags tags;

  public JdbcOperatorMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.rows = new MessageRows(JsonMapper.builder().build());
    this.tags = new MessageTags(jdbc);
  }

  // Starts from message_flags, whose key leads with the tenant: only flagged messages are read,
  // and the messages table needs no index on its flag count.
  @Override
  public List<Message> flagged(String tenantId, int limit, long offset) {
    List<MessageRows.MessageRow> found = jdbc.sql(
            "SELECT " + MessageRows.COLUMNS
                + """
                 \sFROM messages m
                 WHERE m.tenant_id = :tenant AND m.is_deleted = FALSE
                   AND m.id IN (SELECT f.message_id FROM message_flags f WHERE f.tenant_id = :tenant)
                 ORDER BY m.flag_count DESC, m.created_at DESC, m.id DESC
                 LIMIT :limit OFFSET :offset""")
        .param("tenant", tenantId)
        .param("limit", limit)
        .param("offset", offset)
        .query(rows::row)
        .list();
    return tags.attach(tenantId, found);
  }

  @Override
  public long countFlagged(String tenantId) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM messages m
             WHERE m.tenant_id = :tenant AND m.is_deleted = FALSE
               AND m.id IN (SELECT f.message_id FROM message_flags f WHERE f.tenant_id = :tenant)""")
        .param("tenant", tenantId)
        .query(Long.class)
        .single();
  }

  @Override
  public List<String> undeletedBy(String tenantId, String senderId, String afterId, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM messages
             WHERE tenant_id = ? AND sender_id = ? AND is_deleted = FALSE AND id > ?
             ORDER BY id LIMIT ?""")
        .params(tenantId, senderId, afterId == null ? "" : afterId, limit)
        .query(String.class)
        .list();
  }

  @Override
  public List<String> conversationsOf(String tenantId, String senderId) {
    return jdbc.sql(
            "SELECT DISTINCT conversation_id FROM messages WHERE tenant_id = ? AND sender_id = ?")
        .params(tenantId, senderId)
        .query(String.class)
        .list();
  }
}
