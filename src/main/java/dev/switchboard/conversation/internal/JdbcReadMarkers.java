package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.conversation.ReadMarker;
import dev.switchboard.conversation.ReadMarkerQueries;
import dev.switchboard.conversation.ReadTotals;
import dev.switchboard.shared.ReadModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read markers in one query each: the members' cursors with the count of messages (the message
 * module's rows) from others beyond them, as {@link UnreadCountsReadModel} counts them.
 */
@Repository
@ReadModel(reads = {"messages"})
public class JdbcReadMarkers implements ReadMarkerQueries {
  private static final String SELECT =
      "SELECT "
          + JdbcConversations.COLUMNS
          + """
          , cm.last_read_seq, cm.last_mentioned_seq,
            (SELECT COUNT(*) FROM messages m
              WHERE m.tenant_id = cm.tenant_id AND m.conversation_id = cm.conversation_id
                AND m.seq > cm.last_read_seq AND m.sender_id <> cm.user_id) AS unread
          FROM conversation_members cm
          JOIN conversations c ON c.tenant_id = cm.tenant_id AND c.id = cm.conversation_id
          WHERE cm.tenant_id = :tenant AND cm.user_id = :user
          """;

  private final JdbcClient jdbc;

  public JdbcReadMarkers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ReadMarker> of(String tenantId, String userId, Collection<String> conversationIds) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " AND cm.conversation_id IN (:ids) ORDER BY c.last_activity_at DESC, c.id")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("ids", conversationIds)
        .query(JdbcReadMarkers::marker)
        .list();
  }

  @Override
  public List<ReadMarker> activeAfter(String tenantId, String userId, Instant after, int limit) {
    return jdbc.sql(SELECT + """
             AND c.last_activity_at > :after
            ORDER BY c.last_activity_at, c.id
            FETCH FIRST :limit ROWS ONLY""")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("after", utc(after))
        .param("limit", limit)
        .query(JdbcReadMarkers::marker)
        .list();
  }

  @Override
  public ReadTotals totals(String tenantId, String userId) {
    long unread = jdbc.sql("""
            SELECT COUNT(*) FROM conversation_members cm
            JOIN messages m ON m.tenant_id = cm.tenant_id AND m.conversation_id = cm.conversation_id
                           AND m.seq > cm.last_read_seq
            WHERE cm.tenant_id = :tenant AND cm.user_id = :user AND m.sender_id <> :user""")
        .param("tenant", tenantId)
        .param("user", userId)
        .query(Long.class)
        .single();
    return jdbc.sql("""
            SELECT MAX(CASE WHEN cm.last_mentioned_seq > cm.last_read_seq THEN 1 ELSE 0 END) AS mentioned,
                   MAX(c.last_activity_at) AS last_activity_at
            FROM conversation_members cm
            JOIN conversations c ON c.tenant_id = cm.tenant_id AND c.id = cm.conversation_id
            WHERE cm.tenant_id = :tenant AND cm.user_id = :user""")
        .param("tenant", tenantId)
        .param("user", userId)
        .query((rs, n) -> new ReadTotals(unread, rs.getInt("mentioned") == 1, instant(rs, "last_activity_at")))
        .single();
  }

  private static ReadMarker marker(ResultSet rs, int row) throws SQLException {
    return new ReadMarker(
        JdbcConversations.conversation(rs, row),
        rs.getLong("last_read_seq"),
        rs.getLong("last_mentioned_seq"),
        rs.getLong("unread"));
  }
}
