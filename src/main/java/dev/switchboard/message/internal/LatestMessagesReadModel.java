package dev.switchboard.message.internal;

import dev.switchboard.shared.ReadModel;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newest message of each of some conversations, in one query: the conversation row's
 * {@code last_seq} names it, so no conversation's messages are scanned for their maximum.
 */
@ReadModel(reads = {"conversations"})
final class LatestMessagesReadModel {
  private final JdbcClient jdbc;
  private final MessageRows rows;

  LatestMessagesReadModel(JdbcClient jdbc, MessageRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /** Without their tags (the caller adds them, {@link MessageTags#attach}). */
  List<MessageRows.MessageRow> find(String tenantId, Collection<String> conversationIds) {
    return jdbc.sql(JdbcMessages.SELECT + """
            JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                                AND c.last_seq = m.seq
            WHERE m.tenant_id = :tenant AND m.conversation_id IN (:ids)""")
        .param("tenant", tenantId)
        .param("ids", conversationIds)
        .query(rows::row)
        .list();
  }
}
