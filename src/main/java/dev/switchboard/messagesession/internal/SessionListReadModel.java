package dev.switchboard.messagesession.internal;

import dev.switchboard.messagesession.SessionRef;
import dev.switchboard.messagesession.SessionRow;
import dev.switchboard.shared.ReadModel;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions as their users list them: a session is a conversation seen by one of its members
 * (the conversation module's rows), ordered by the conversation's activity, less what he hid.
 */
@ReadModel(reads = {"conversations", "conversation_members"})
final class SessionListReadModel {
  private final JdbcClient jdbc;

  SessionListReadModel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's SMS session from this number to exactly these numbers, most recent first. */
  Optional<SessionRow> findSms(
      String tenantId, String userId, String smsNumber, String joinedRemoteNumbers) {
    return jdbc.sql(
            """
            SELECT s.tenant_id, s.id, s.conversation_id, s.channel, s.sms_number, s.remote_numbers
            FROM message_sessions s
            JOIN conversation_members m ON m.tenant_id = s.tenant_id
                                       AND m.conversation_id = s.conversation_id
            JOIN conversations c ON c.tenant_id = s.tenant_id AND c.id = s.conversation_id
            WHERE s.tenant_id = ? AND s.sms_number = ? AND s.remote_numbers = ?
              AND s.channel = 'sms' AND m.user_id = ?
            ORDER BY c.last_activity_at DESC
            LIMIT 1""")
        .params(tenantId, smsNumber, joinedRemoteNumbers, userId)
        .query(JdbcMessageSessions::row)
        .optional();
  }

  /** A user's sessions (every user's with a null user), most recent activity first. */
  List<SessionRef> list(String tenantId, String userId, int limit, long offset) {
    String sql =
        """
        SELECT c.tenant_id, c.id, c.kind, c.title, c.last_seq, c.last_activity_at, c.created_at,
               m.user_id, m.last_read_seq, h.through_seq
        FROM conversation_members m
        JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
        LEFT JOIN message_session_hidden h
               ON h.tenant_id = m.tenant_id AND h.conversation_id = m.conversation_id
              AND h.user_id = m.user_id
        WHERE m.tenant_id = :tenant %s AND c.deleted_at IS NULL
          AND (h.through_seq IS NULL OR c.last_seq > h.through_seq)
        ORDER BY c.last_activity_at DESC, c.id DESC, m.user_id
        LIMIT :limit OFFSET :offset"""
            .formatted(userId == null ? "" : "AND m.user_id = :user");
    var spec =
        jdbc.sql(sql).param("tenant", tenantId).param("limit", limit).param("offset", offset);
    if (userId != null) {
      spec = spec.param("user", userId);
    }
    return spec.query(JdbcMessageSessions::ref).list();
  }

  Optional<SessionRef> ref(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
            """
            SELECT c.tenant_id, c.id, c.kind, c.title, c.last_seq, c.last_activity_at,
                   c.created_at, m.user_id, m.last_read_seq, h.through_seq
            FROM conversation_members m
            JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
            LEFT JOIN message_session_hidden h
                   ON h.tenant_id = m.tenant_id AND h.conversation_id = m.conversation_id
                  AND h.user_id = m.user_id
            WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.user_id = ?
              AND c.deleted_at IS NULL""")
        .params(tenantId, conversationId, userId)
        .query(JdbcMessageSessions::ref)
        .optional();
  }
}
