package dev.switchboard.message.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.message.ClientKeyTaken;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.LatestReaction;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.message.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class JdbcMessages implements Messages {
  static final String SELECT = "SELECT " + MessageRows.COLUMNS + " FROM messages m ";

  private final JdbcClient jdbc;
  private final MessageRows rows;
  private final MessageTags tags;
  private final LatestMessagesReadModel latest;

  public JdbcMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
    // The mentions column is this adapter's own format: a plain mapper, no app configuration.
    this.rows = new MessageRows(JsonMapper.builder().build());
    this.tags = new MessageTags(jdbc);
    this.latest = new LatestMessagesReadModel(jdbc, rows);
  }

  @Override
  public void insert(Message m) {
    CreditNote credit = m.credit();
    MessageDetails d = m.details();
    try {
      jdbc.sql(
              """
              INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content,
                                    client_id, credit_amount, credit_recipient_id, file_id,
                                    created_at, updated_at, payload, parent_id, metadata, mentions,
                                    tag_count)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              m.tenantId(),
              m.id(),
              m.conversationId(),
              m.seq(),
              m.senderId(),
              m.type().name(),
              m.content(),
              m.clientKey(),
              credit == null ? null : credit.amount(),
              credit == null ? null : credit.recipientId(),
              m.fileId(),
              utc(m.createdAt()),
              utc(m.updatedAt()),
              d.data(),
              d.parentId(),
              d.metadata(),
              rows.mentionsJson(d.mentions()),
              d.tags().size())
          .update();
    } catch (DuplicateKeyException e) {
      // seq cannot collide (taken under the conversation row lock): only the client id can.
      if (m.clientKey() == null) {
        throw e;
      }
      throw new ClientKeyTaken(m.clientKey());
    }
    tags.insert(m.tenantId(), m.id(), d.tags());
  }

  @Override
  public Optional<Message> findByClientKey(String tenantId, String senderId, String clientKey) {
    List<MessageRows.MessageRow> found =
        jdbc.sql(SELECT + "WHERE m.tenant_id = ? AND m.sender_id = ? AND m.client_id = ?")
            .params(tenantId, senderId, clientKey)
            .query(rows::row)
            .list();
    return tags.attach(tenantId, found).stream().findFirst();
  }

  @Override
  public List<Message> range(String tenantId, String conversationId, long fromSeq, long toSeq) {
    return tags.attach(tenantId, jdbc.sql(SELECT + """
            WHERE m.tenant_id = ? AND m.conversation_id = ? AND m.seq > ? AND m.seq <= ?
            ORDER BY m.seq DESC""")
        .params(tenantId, conversationId, fromSeq, toSeq)
        .query(rows::row)
        .list());
  }

  @Override
  public List<Message> latest(String tenantId, Collection<String> conversationIds) {
    return tags.attach(tenantId, latest.find(tenantId, conversationIds));
  }

  @Override
  public Optional<Message> findByPublicId(String tenantId, String publicId, String callerId) {
    List<MessageRows.MessageRow> found = jdbc.sql(SELECT + """
            WHERE m.tenant_id = :tenant AND (m.id = :id OR m.client_id = :id)
            ORDER BY CASE WHEN m.id = :id THEN 0 WHEN m.sender_id = :caller THEN 1 ELSE 2 END,
                     m.created_at, m.id
            FETCH FIRST 1 ROWS ONLY""")
        .param("tenant", tenantId)
        .param("id", publicId)
        .param("caller", callerId)
        .query(rows::row)
        .list();
    return tags.attach(tenantId, found).stream().findFirst();
  }

  @Override
  public List<Message> query(String tenantId, MessageQuery q) {
    StringBuilder sql = new StringBuilder(SELECT).append(
        "WHERE m.tenant_id = :tenant AND m.conversation_id = :conversation");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("tenant", tenantId);
    params.put("conversation", q.conversationId());
    if (q.type() != null) {
      sql.append(" AND m.type = :type");
      params.put("type", q.type().name());
    }
    if (q.parentId() != null) {
      sql.append(" AND m.parent_id = :parent");
      params.put("parent", q.parentId());
    } else if (q.topLevelOnly()) {
      sql.append(" AND m.parent_id IS NULL");
    }
    if (q.hasFlag() != null) {
      sql.append(q.hasFlag() ? " AND m.flag_count > 0" : " AND m.flag_count = 0");
    }
    if (q.deleted() != null) {
      sql.append(" AND m.is_deleted = :deleted");
      params.put("deleted", q.deleted());
    }
    if (!q.tags().isEmpty()) {
      // The row's count rules out untagged messages before any subquery runs.
      sql.append(" AND m.tag_count > 0 AND (SELECT COUNT(DISTINCT t.tag) FROM message_tags t WHERE t.tenant_id = m.tenant_id"
          + " AND t.message_id = m.id AND t.tag IN (:tags)) = :tagCount");
      params.put("tags", q.tags());
      params.put("tagCount", q.tags().stream().distinct().count());
    }
    if (!q.excludeTags().isEmpty()) {
      sql.append(" AND NOT EXISTS (SELECT 1 FROM message_tags x WHERE x.tenant_id = m.tenant_id"
          + " AND x.message_id = m.id AND x.tag IN (:excluded))");
      params.put("excluded", q.excludeTags());
    }
    if (q.afterSeq() != null) {
      sql.append(" AND m.seq > :after");
      params.put("after", q.afterSeq());
    }
    if (q.beforeSeq() != null) {
      sql.append(" AND m.seq < :before");
      params.put("before", q.beforeSeq());
    }
    sql.append(q.newestFirst() ? " ORDER BY m.seq DESC" : " ORDER BY m.seq")
        .append(" FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
    List<MessageRows.MessageRow> found = new ArrayList<>(
        jdbc.sql(sql.toString()).params(params).query(rows::row).list());
    if (q.newestFirst()) {
      Collections.reverse(found);
    }
    return tags.attach(tenantId, found);
  }

  @Override
  public Optional<Message> lock(String tenantId, String messageId) {
    jdbc.sql("SELECT id FROM messages WHERE tenant_id = ? AND id = ? FOR UPDATE")
        .params(tenantId, messageId)
        .query(String.class)
        .optional();
    return tags.attach(tenantId, jdbc.sql(SELECT + "WHERE m.tenant_id = ? AND m.id = ?")
        .params(tenantId, messageId)
        .query(rows::row)
        .list()).stream().findFirst();
  }

  @Override
  public void incrementChildren(String tenantId, String parentId) {
    jdbc.sql("UPDATE messages SET children_count = children_count + 1 WHERE tenant_id = ? AND id = ?")
        .params(tenantId, parentId)
        .update();
  }

  @Override
  public void update(Message m) {
    MessageDetails d = m.details();
    jdbc.sql("""
            UPDATE messages SET content = ?, payload = ?, metadata = ?, mentions = ?, edited_at = ?,
                                is_deleted = ?, updated_at = ?, tag_count = ?
             WHERE tenant_id = ? AND id = ?""")
        .params(m.content(), d.data(), d.metadata(), rows.mentionsJson(d.mentions()),
            utc(d.editedAt()), d.deleted(), utc(m.updatedAt()), d.tags().size(), m.tenantId(),
            m.id())
        .update();
    tags.replace(m.tenantId(), m.id(), d.tags());
  }

  @Override
  public void setFlagCount(String tenantId, String messageId, long flagCount) {
    jdbc.sql("UPDATE messages SET flag_count = ? WHERE tenant_id = ? AND id = ?")
        .params(flagCount, tenantId, messageId)
        .update();
  }

  @Override
  public void setLatestReaction(String tenantId, String messageId, LatestReaction r) {
    jdbc.sql("""
            UPDATE messages SET latest_reaction_id = ?, latest_reaction_name = ?,
                                latest_reaction_user = ?, latest_reaction_added = ?,
                                latest_reaction_at = ?
             WHERE tenant_id = ? AND id = ?""")
        .params(r.reactionId(), r.name(), r.userId(), r.added(), utc(r.at()), tenantId, messageId)
        .update();
  }
}
