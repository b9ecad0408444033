package dev.switchboard.realtime.internal;

import static dev.switchboard.shared.internal.SqlTimes.instant;
import static dev.switchboard.shared.internal.SqlTimes.utc;

import dev.switchboard.realtime.Change;
import dev.switchboard.realtime.ChangeLog;
import dev.switchboard.shared.internal.SqlText;
import dev.switchboard.shared.internal.UpdateReturning;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcChangeLog implements ChangeLog {
  private final JdbcClient jdbc;
  private final UpdateReturning counter;

  public JdbcChangeLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.counter = new UpdateReturning(jdbc);
  }

  @Override
  public Change append(
      String tenantId, String conversationId, String event, String payload, Instant at) {
    long seq =
        counter
            .update(
                "UPDATE conversations SET last_change_seq = last_change_seq + 1 WHERE tenant_id = ? AND id = ?",
                new Object[] {tenantId, conversationId},
                "last_change_seq",
                "SELECT last_change_seq FROM conversations WHERE tenant_id = ? AND id = ?",
                new Object[] {tenantId, conversationId})
            .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " does not exist"));
    jdbc.sql(
            """
            INSERT INTO conversation_changes (tenant_id, conversation_id, change_seq, event,
                                              payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(tenantId, conversationId, seq, event, payload, utc(at))
        .update();
    return new Change(tenantId, conversationId, seq, event, payload, at);
  }

  @Override
  public List<Change> after(String tenantId, String conversationId, long after, int limit) {
    return jdbc.sql(
            """
            SELECT tenant_id, conversation_id, change_seq, event, payload, created_at
            FROM conversation_changes
            WHERE tenant_id = ? AND conversation_id = ? AND change_seq > ?
            ORDER BY change_seq
            LIMIT ?""")
        .params(tenantId, conversationId, after, limit)
        .query(JdbcChangeLog::change)
        .list();
  }

  @Override
  public long compactedThrough(String tenantId, String conversationId) {
    return jdbc.sql(
            "SELECT changes_compacted_through FROM conversations WHERE tenant_id = ? AND id = ?")
        .params(tenantId, conversationId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  @Override
  public long lastChangeSeq(String tenantId, String conversationId) {
    return jdbc.sql("SELECT last_change_seq FROM conversations WHERE tenant_id = ? AND id = ?")
        .params(tenantId, conversationId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  @Override
  public int compactOlderThan(Instant cutoff) {
    // Cut whole prefixes: everything up to the newest old-enough change of each conversation.
    // Deleting by age alone could leave holes, as timestamps need not follow change order.
    jdbc.sql(
            """
            UPDATE conversations c SET changes_compacted_through = (
              SELECT MAX(x.change_seq) FROM conversation_changes x
              WHERE x.tenant_id = c.tenant_id AND x.conversation_id = c.id AND x.created_at < :cutoff)
            WHERE EXISTS (
              SELECT 1 FROM conversation_changes x
              WHERE x.tenant_id = c.tenant_id AND x.conversation_id = c.id AND x.created_at < :cutoff)""")
        .param("cutoff", utc(cutoff))
        .update();
    return jdbc.sql(
            """
            DELETE FROM conversation_changes x
            WHERE x.change_seq <= (
              SELECT c.changes_compacted_through FROM conversations c
              WHERE c.tenant_id = x.tenant_id AND c.id = x.conversation_id)""")
        .update();
  }

  @Override
  public List<Change> messageChangesContaining(
      String tenantId, String conversationId, String text) {
    return jdbc.sql(
            """
            SELECT tenant_id, conversation_id, change_seq, event, payload, created_at
            FROM conversation_changes
            WHERE tenant_id = ? AND conversation_id = ? AND event LIKE 'message.%' AND payload LIKE ?
            """ + SqlText.ESCAPE + " ORDER BY change_seq")
        .params(tenantId, conversationId, SqlText.containsExactly(text))
        .query(JdbcChangeLog::change)
        .list();
  }

  @Override
  public void rewrite(String tenantId, String conversationId, long changeSeq, String payload) {
    jdbc.sql(
            """
            UPDATE conversation_changes SET payload = ?
             WHERE tenant_id = ? AND conversation_id = ? AND change_seq = ?""")
        .params(payload, tenantId, conversationId, changeSeq)
        .update();
  }

  // A server-wide figure for the operator's dashboard, read through the index on created_at.
  @Override
  public long countSince(String event, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM conversation_changes WHERE created_at >= ? AND event = ?")
        .params(utc(since), event)
        .query(Long.class)
        .single();
  }

  private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Change(
        rs.getString("tenant_id"),
        rs.getString("conversation_id"),
        rs.getLong("change_seq"),
        rs.getString("event"),
        rs.getString("payload"),
        instant(rs, "created_at"));
  }
}
