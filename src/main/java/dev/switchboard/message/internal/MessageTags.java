package dev.switchboard.message.internal;

import dev.switchboard.message.Message;
import dev.switchboard.message.internal.MessageRows.MessageRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages' tags, kept in their own table in the order given. Each message row also carries its
 * {@code tag_count} (written by the same statements that write the row): most messages have no
 * tags, so a page of messages asks this table only about the rows whose count is not zero, and a
 * page without tagged messages costs no statement here at all.
 */
final class MessageTags {
  private final JdbcClient jdbc;

  MessageTags(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the tags of a new message, in one statement (none when there are no tags). */
  void insert(String tenantId, String messageId, List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    // One multi-row INSERT: at most MessageContent.MAX_TAGS rows, one round trip.
    String values = String.join(", ", Collections.nCopies(tags.size(), "(?, ?, ?, ?)"));
    List<Object> params = new ArrayList<>(tags.size() * 4);
    for (int i = 0; i < tags.size(); i++) {
      params.addAll(List.of(tenantId, messageId, i, tags.get(i)));
    }
    jdbc.sql("INSERT INTO message_tags (tenant_id, message_id, tag_index, tag) VALUES " + values)
        .params(params)
        .update();
  }

  /** Replaces the message's tags with these (the caller writes the row's new count). */
  void replace(String tenantId, String messageId, List<String> tags) {
    jdbc.sql("DELETE FROM message_tags WHERE tenant_id = ? AND message_id = ?")
        .params(tenantId, messageId)
        .update();
    insert(tenantId, messageId, tags);
  }

  /**
   * The messages of these rows with their tags, in the rows' order: one query for the rows that
   * have tags, none when no row has any.
   */
  List<Message> attach(String tenantId, List<MessageRow> rows) {
    List<String> tagged = new ArrayList<>();
    for (MessageRow row : rows) {
      if (row.tagCount() > 0) {
        tagged.add(row.message().id());
      }
    }
    Map<String, List<String>> tags = tagged.isEmpty() ? Map.of() : read(tenantId, tagged);
    List<Message> out = new ArrayList<>(rows.size());
    for (MessageRow row : rows) {
      List<String> own = tags.get(row.message().id());
      out.add(own == null ? row.message() : MessageRows.withTags(row.message(), own));
    }
    return out;
  }

  private Map<String, List<String>> read(String tenantId, List<String> messageIds) {
    Map<String, List<String>> tags = new HashMap<>();
    jdbc.sql(
            """
            SELECT message_id, tag FROM message_tags
             WHERE tenant_id = :tenant AND message_id IN (:ids)
             ORDER BY message_id, tag_index""")
        .param("tenant", tenantId)
        .param("ids", messageIds)
        .query(rs -> {
          tags.computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>())
              .add(rs.getString("tag"));
        });
    return tags;
  }
}
