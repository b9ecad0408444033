package dev.switchboard.conversation.internal;

import dev.switchboard.shared.ReadModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unread counts for a chat list, in one query: the messages (the message module's rows) from
 * others after each of the user's read cursors.
 */
@ReadModel(reads = {"messages"})
final class UnreadCountsReadModel {
  private final JdbcClient jdbc;

  UnreadCountsReadModel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Long> counts(
      String tenantId, String userId, Collection<String> conversationIds) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(
            """
            SELECT m.conversation_id, COUNT(*) FROM conversation_members cm
            JOIN messages m ON m.tenant_id = cm.tenant_id AND m.conversation_id = cm.conversation_id
                           AND m.seq > cm.last_read_seq
            WHERE cm.tenant_id = :tenant AND cm.user_id = :user AND cm.conversation_id IN (:ids)
              AND m.sender_id <> :user
            GROUP BY m.conversation_id""")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("ids", conversationIds)
        .query(rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }
}
