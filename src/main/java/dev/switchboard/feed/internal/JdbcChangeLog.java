package dev.switchboard.feed.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.jdbc.SqlText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The change logs in {@code conversation_changes}, cut by retention up to {@code conversation_change_marks}. */
@Repository
public class JdbcChangeLog implements ChangeLog {
  private static final String SELECT =
      "SELECT tenant_id, conversation_id, change_seq, event, subject_id, payload, created_at"
          + " FROM conversation_changes ";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public JdbcChangeLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public Change append(
      String tenantId, String conversationId, long changeSeq, ChangeEvent event, Instant at) {
    String payload = ChangePayloads.write(json, event.data());
    jdbc.sql(
            """
            INSERT INTO conversation_changes (tenant_id, conversation_id, change_seq, event,
                                              subject_id, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(tenantId, conversationId, changeSeq, event.name(), event.subjectId(), payload, utc(at))
        .update();
    return new Change(tenantId, conversationId, changeSeq, event.name(), event.subjectId(), payload, at);
  }

  @Override
  public List<Change> after(String tenantId, String conversationId, long after, int limit) {
    return jdbc.sql(SELECT + """
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
            """
            SELECT compacted_through FROM conversation_change_marks
            WHERE tenant_id = ? AND conversation_id = ?""")
        .params(tenantId, conversationId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  @Override
  public int compactOlderThan(Instant cutoff) {
    // Cut whole prefixes: everything up to the newest old-enough change of each conversation.
    // Deleting by age alone could leave holes, as timestamps need not follow change order.
    // Two portable statements rather than MERGE (PostgreSQL 15+ only); a node compacting at
    // the same time inserts the same mark, which ON CONFLICT absorbs.
    jdbc.sql(
            """
            UPDATE conversation_change_marks m SET compacted_through = (
              SELECT MAX(x.change_seq) FROM conversation_changes x
              WHERE x.tenant_id = m.tenant_id AND x.conversation_id = m.conversation_id
                AND x.created_at < :cutoff)
            WHERE EXISTS (
              SELECT 1 FROM conversation_changes x
              WHERE x.tenant_id = m.tenant_id AND x.conversation_id = m.conversation_id
                AND x.created_at < :cutoff AND x.change_seq > m.compacted_through)""")
        .param("cutoff", utc(cutoff))
        .update();
    jdbc.sql(
            """
            INSERT INTO conversation_change_marks (tenant_id, conversation_id, compacted_through)
            SELECT x.tenant_id, x.conversation_id, MAX(x.change_seq) FROM conversation_changes x
            WHERE x.created_at < :cutoff AND NOT EXISTS (
              SELECT 1 FROM conversation_change_marks m
              WHERE m.tenant_id = x.tenant_id AND m.conversation_id = x.conversation_id)
            GROUP BY x.tenant_id, x.conversation_id
            ON CONFLICT DO NOTHING""")
        .param("cutoff", utc(cutoff))
        .update();
    return jdbc.sql(
            """
            DELETE FROM conversation_changes x
            WHERE x.change_seq <= (
              SELECT m.compacted_through FROM conversation_change_marks m
              WHERE m.tenant_id = x.tenant_id AND m.conversation_id = x.conversation_id)""")
        .update();
  }

  @Override
  public int eraseSender(String tenantId, Collection<String> conversationIds, String senderId) {
    if (conversationIds.isEmpty()) {
      return 0;
    }
    String sender = "\"senderId\":" + json.writeValueAsString(senderId);
    List<Change> candidates =
        jdbc.sql(SELECT + """
                WHERE tenant_id = :tenant AND conversation_id IN (:ids)
                  AND event LIKE 'message.%' AND payload LIKE :sender""" + SqlText.ESCAPE)
            .param("tenant", tenantId)
            .param("ids", conversationIds)
            .param("sender", SqlText.containsExactly(sender))
            .query(JdbcChangeLog::change)
            .list();
    int rewritten = 0;
    for (Change change : candidates) {
      JsonNode payload = json.readTree(change.payload());
      if (payload.path("message") instanceof ObjectNode message
          && senderId.equals(message.path("senderId").asString(null))) {
        message.putNull("content");
        // What the message carried besides its text, as far as this change recorded it (a
        // message.created change carries all of it, older ones and updates only some).
        for (String field : List.of("fileId", "data", "metadata")) {
          if (message.has(field)) {
            message.putNull(field);
          }
        }
        for (String field : List.of("tags", "mentions")) {
          if (message.has(field)) {
            message.putArray(field);
          }
        }
        jdbc.sql(
                """
                UPDATE conversation_changes SET payload = ?
                WHERE tenant_id = ? AND conversation_id = ? AND change_seq = ?""")
            .params(json.writeValueAsString(payload), tenantId, change.conversationId(), change.changeSeq())
            .update();
        rewritten++;
      }
    }
    return rewritten;
  }

  // A server-wide figure for the operator's dashboard, read through the index on created_at.
  @Override
  public long countSince(String event, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM conversation_changes WHERE created_at >= ? AND event = ?")
        .params(utc(since), event)
        .query(Long.class)
        .single();
  }

  @Override
  public List<Change> headsSince(Instant since) {
    // One range scan of the created_at index for the window's conversations and their heads;
    // payloads are read only for the heads and the (rare) membership changes.
    return jdbc.sql(
            """
            SELECT c.tenant_id, c.conversation_id, c.change_seq, c.event, c.subject_id, c.payload,
                   c.created_at
            FROM conversation_changes c
            JOIN (SELECT tenant_id, conversation_id, MAX(change_seq) AS head
                  FROM conversation_changes WHERE created_at >= ?
                  GROUP BY tenant_id, conversation_id) h
              ON c.tenant_id = h.tenant_id AND c.conversation_id = h.conversation_id
             AND c.change_seq = h.head
            UNION
            SELECT tenant_id, conversation_id, change_seq, event, subject_id, payload, created_at
            FROM conversation_changes WHERE created_at >= ? AND subject_id IS NOT NULL
            ORDER BY 1, 2, 3""")
        .params(utc(since), utc(since))
        .query(JdbcChangeLog::change)
        .list();
  }

  /** The newest change still in the log, else how far retention cut it, else 0. */
  @Override
  public long oldestSince(String tenantId, String conversationId, long after, long upTo, Instant since) {
    return jdbc.sql(
            """
            SELECT COALESCE(MIN(change_seq), ?) FROM conversation_changes
            WHERE tenant_id = ? AND conversation_id = ? AND change_seq > ? AND change_seq <= ?
              AND created_at >= ?""")
        .params(upTo, tenantId, conversationId, after, upTo, utc(since))
        .query(Long.class)
        .single();
  }

  @Override
  public long lastChangeSeq(String tenantId, String conversationId) {
    // MAX of no rows is NULL, which a single Long cannot carry: 0 stands for none (seqs start at 1).
    long newest =
        jdbc.sql(
                """
                SELECT COALESCE(MAX(change_seq), 0) FROM conversation_changes
                WHERE tenant_id = ? AND conversation_id = ?""")
            .params(tenantId, conversationId)
            .query(Long.class)
            .single();
    return newest > 0 ? newest : compactedThrough(tenantId, conversationId);
  }

  private static Change change(ResultSet rs, int row) throws SQLException {
    return new Change(
        rs.getString("tenant_id"),
        rs.getString("conversation_id"),
        rs.getLong("change_seq"),
        rs.getString("event"),
        rs.getString("subject_id"),
        rs.getString("payload"),
        instant(rs, "created_at"));
  }
}
