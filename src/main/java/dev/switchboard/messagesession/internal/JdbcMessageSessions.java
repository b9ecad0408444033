package dev.switchboard.messagesession.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.messagesession.MessageKind;
import dev.switchboard.messagesession.MessageSessions;
import dev.switchboard.messagesession.SessionChannel;
import dev.switchboard.messagesession.SessionItem;
import dev.switchboard.messagesession.SessionRef;
import dev.switchboard.messagesession.SessionRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcMessageSessions implements MessageSessions {
  private static final String ROW =
      "SELECT tenant_id, id, conversation_id, channel, sms_number, remote_numbers"
          + " FROM message_sessions";
  private static final String ITEM =
      "SELECT tenant_id, message_id, conversation_id, kind, direction, from_number, to_numbers,"
          + " status FROM message_session_items";

  private final JdbcClient jdbc;
  private final SessionListReadModel listing;

  public JdbcMessageSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.listing = new SessionListReadModel(jdbc);
  }

  @Override
  public boolean insert(SessionRow row) {
    return jdbc.sql(
                """
                INSERT INTO message_sessions (tenant_id, id, conversation_id, channel, sms_number,
                                              remote_numbers)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(
                row.tenantId(),
                row.id(),
                row.conversationId(),
                row.channel().name().toLowerCase(Locale.ROOT),
                row.smsNumber(),
                join(row.remoteNumbers()))
            .update()
        == 1;
  }

  @Override
  public Optional<SessionRow> find(String tenantId, String sessionId) {
    return jdbc.sql(ROW + " WHERE tenant_id = ? AND id = ?")
        .params(tenantId, sessionId)
        .query(JdbcMessageSessions::row)
        .optional();
  }

  @Override
  public Map<String, SessionRow> byConversation(String tenantId, Collection<String> ids) {
    Map<String, SessionRow> rows = new HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    jdbc.sql(ROW + " WHERE tenant_id = :tenant AND conversation_id IN (:ids)")
        .param("tenant", tenantId)
        .param("ids", ids)
        .query(JdbcMessageSessions::row)
        .list()
        .forEach(r -> rows.put(r.conversationId(), r));
    return rows;
  }

  @Override
  public List<SessionRow> byIdOrConversation(String tenantId, String id) {
    return jdbc.sql(ROW + " WHERE tenant_id = ? AND (id = ? OR conversation_id = ?)")
        .params(tenantId, id, id)
        .query(JdbcMessageSessions::row)
        .list();
  }

  @Override
  public Optional<SessionRow> findSms(
      String tenantId, String userId, String smsNumber, List<String> remoteNumbers) {
    return listing.findSms(tenantId, userId, smsNumber, join(remoteNumbers));
  }

  @Override
  public List<SessionRef> list(String tenantId, String userId, int limit, long offset) {
    return listing.list(tenantId, userId, limit, offset);
  }

  @Override
  public Optional<SessionRef> ref(String tenantId, String conversationId, String userId) {
    return listing.ref(tenantId, conversationId, userId);
  }

  @Override
  public void hide(String tenantId, String conversationId, String userId, long throughSeq) {
    int updated =
        jdbc.sql(
                """
                UPDATE message_session_hidden SET through_seq = ?
                WHERE tenant_id = ? AND conversation_id = ? AND user_id = ? AND through_seq < ?""")
            .params(throughSeq, tenantId, conversationId, userId, throughSeq)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO message_session_hidden (tenant_id, conversation_id, user_id, through_seq)
              VALUES (?, ?, ?, ?)
              ON CONFLICT DO NOTHING""")
          .params(tenantId, conversationId, userId, throughSeq)
          .update();
    }
  }

  @Override
  public void insertItem(SessionItem item) {
    jdbc.sql(
            """
            INSERT INTO message_session_items (tenant_id, message_id, conversation_id, kind,
                                               direction, from_number, to_numbers, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            item.tenantId(),
            item.messageId(),
            item.conversationId(),
            item.kind().name(),
            item.direction(),
            item.fromNumber(),
            join(item.toNumbers()),
            item.status())
        .update();
  }

  @Override
  public Map<String, SessionItem> items(String tenantId, Collection<String> messageIds) {
    Map<String, SessionItem> items = new HashMap<>();
    if (messageIds.isEmpty()) {
      return items;
    }
    jdbc.sql(ITEM + " WHERE tenant_id = :tenant AND message_id IN (:ids)")
        .param("tenant", tenantId)
        .param("ids", messageIds)
        .query(JdbcMessageSessions::item)
        .list()
        .forEach(i -> items.put(i.messageId(), i));
    return items;
  }

  @Override
  public Optional<SessionItem> item(String tenantId, String messageId) {
    return jdbc.sql(ITEM + " WHERE tenant_id = ? AND message_id = ?")
        .params(tenantId, messageId)
        .query(JdbcMessageSessions::item)
        .optional();
  }

  @Override
  public boolean updateStatus(String tenantId, String messageId, String status) {
    return jdbc.sql(
                """
                UPDATE message_session_items SET status = ?
                WHERE tenant_id = ? AND message_id = ?
                  AND (status IS NULL OR (status <> 'failed' AND status <> ?))""")
            .params(status, tenantId, messageId, status)
            .update()
        == 1;
  }

  static String join(List<String> numbers) {
    return numbers == null || numbers.isEmpty() ? null : String.join(",", numbers);
  }

  static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  static SessionRow row(ResultSet rs, int n) throws SQLException {
    return new SessionRow(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("conversation_id"),
        SessionChannel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
        rs.getString("sms_number"),
        split(rs.getString("remote_numbers")));
  }

  static SessionRef ref(ResultSet rs, int n) throws SQLException {
    Conversation conversation =
        new Conversation(
            rs.getString("tenant_id"),
            rs.getString("id"),
            ConversationKind.valueOf(rs.getString("kind")),
            rs.getString("title"),
            rs.getLong("last_seq"),
            instant(rs, "last_activity_at"),
            instant(rs, "created_at"));
    long hidden = rs.getLong("through_seq");
    return new SessionRef(conversation, rs.getString("user_id"), rs.getLong("last_read_seq"), hidden);
  }

  private static SessionItem item(ResultSet rs, int n) throws SQLException {
    return new SessionItem(
        rs.getString("tenant_id"),
        rs.getString("message_id"),
        rs.getString("conversation_id"),
        MessageKind.valueOf(rs.getString("kind")),
        rs.getString("direction"),
        rs.getString("from_number"),
        split(rs.getString("to_numbers")),
        rs.getString("status"));
  }
}
