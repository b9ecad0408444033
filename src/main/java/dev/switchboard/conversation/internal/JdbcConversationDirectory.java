package dev.switchboard.conversation.internal;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationDirectory;
import dev.switchboard.conversation.ConversationSearch;
import dev.switchboard.shared.jdbc.SqlText;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcConversationDirectory implements ConversationDirectory {
  private static final String COLUMNS =
      "c.tenant_id, c.id, c.kind, c.title, c.last_seq, c.last_activity_at, c.created_at";

  private final JdbcClient jdbc;

  public JdbcConversationDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Conversation> search(
      String tenantId, ConversationSearch search, int limit, long offset) {
    return filtered("SELECT " + COLUMNS, tenantId, search,
            " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query(JdbcConversations::conversation)
        .list();
  }

  @Override
  public long count(String tenantId, ConversationSearch search) {
    return filtered("SELECT COUNT(*)", tenantId, search, "").query(Long.class).single();
  }

  private JdbcClient.StatementSpec filtered(
      String select, String tenantId, ConversationSearch search, String tail) {
    StringBuilder sql =
        new StringBuilder(select)
            .append(" FROM conversations c WHERE c.tenant_id = :tenant AND c.deleted_at IS NULL");
    if (search.member() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM conversation_members m WHERE m.tenant_id = c.tenant_id")
          .append(" AND m.conversation_id = c.id AND m.user_id = :member)");
    }
    if (search.kind() != null) {
      sql.append(" AND c.kind = :kind");
    }
    boolean text = SqlText.given(search.text());
    if (text) {
      sql.append(" AND (LOWER(c.id) LIKE :text").append(SqlText.ESCAPE)
          .append(" OR LOWER(c.channel_key) LIKE :text").append(SqlText.ESCAPE)
          .append(" OR LOWER(c.title) LIKE :text").append(SqlText.ESCAPE).append(")");
    }
    JdbcClient.StatementSpec spec = jdbc.sql(sql.append(tail).toString()).param("tenant", tenantId);
    if (search.member() != null) {
      spec = spec.param("member", search.member());
    }
    if (search.kind() != null) {
      spec = spec.param("kind", search.kind().name());
    }
    return text ? spec.param("text", SqlText.contains(search.text())) : spec;
  }
}
