package dev.switchboard.message.internal;

import static dev.switchboard.shared.internal.SqlTimes.instant;
import static dev.switchboard.shared.internal.SqlTimes.utc;

import dev.switchboard.message.ClientIdAlreadyUsed;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcMessages implements Messages {
  private static final String COLUMNS =
      "m.tenant_id, m.id, m.conversation_id, m.seq, m.sender_id, m.type, m.content, m.client_id,"
          + " m.credit_amount, m.credit_recipient_id, m.file_id, m.created_at, m.updated_at";

  private final JdbcClient jdbc;

  public JdbcMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Message m) {
    CreditNote credit = m.credit();
    try {
      jdbc.sql(
              """
              INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content,
                                    client_id, credit_amount, credit_recipient_id, file_id,
                                    created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              m.tenantId(),
              m.id(),
              m.conversationId(),
              m.seq(),
              m.senderId(),
              m.type().name(),
              m.content(),
              m.clientId(),
              credit == null ? null : credit.amount(),
              credit == null ? null : credit.recipientId(),
              m.fileId(),
              utc(m.createdAt()),
              utc(m.updatedAt()))
          .update();
    } catch (DuplicateKeyException e) {
      // seq cannot collide (taken under the conversation row lock): only the client id can.
      if (m.clientId() == null) {
        throw e;
      }
      throw new ClientIdAlreadyUsed(m.clientId());
    }
  }

  @Override
  public Optional<Message> findByClientId(String tenantId, String senderId, String clientId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM messages m WHERE m.tenant_id = ? AND m.sender_id = ? AND m.client_id = ?")
        .params(tenantId, senderId, clientId)
        .query(JdbcMessages::map)
        .optional();
  }

  @Override
  public List<Message> range(String tenantId, String conversationId, long fromSeq, long toSeq) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM messages m
                WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.seq > ? AND m.seq <= ?
                ORDER BY m.seq DESC""")
        .params(tenantId, conversationId, fromSeq, toSeq)
        .query(JdbcMessages::map)
        .list();
  }

  @Override
  public List<Message> latest(String tenantId, Collection<String> conversationIds) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM messages m
                JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                                    AND c.last_seq = m.seq
                WHERE m.tenant_id = :tenant AND m.conversation_id IN (:ids)""")
        .param("tenant", tenantId)
        .param("ids", conversationIds)
        .query(JdbcMessages::map)
        .list();
  }

  private static Message map(ResultSet rs, int row) throws SQLException {
    MessageType type = MessageType.valueOf(rs.getString("type"));
    long creditAmount = rs.getLong("credit_amount");
    CreditNote credit =
        rs.wasNull()
            ? null
            : new CreditNote(
                creditAmount, rs.getString("sender_id"), rs.getString("credit_recipient_id"));
    return new Message(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("conversation_id"),
        rs.getLong("seq"),
        rs.getString("sender_id"),
        type,
        rs.getString("content"),
        rs.getString("client_id"),
        credit,
        rs.getString("file_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
