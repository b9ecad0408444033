package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelQuery;
import dev.switchboard.conversation.ChannelSettings;
import dev.switchboard.conversation.Channels;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcChannels implements Channels {
  private final JdbcClient jdbc;
  private final ChannelQuerySql querySql;

  public JdbcChannels(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.querySql = new ChannelQuerySql(jdbc);
  }

  @Override
  public Optional<String> idOfKey(String tenantId, String key) {
    // A client channelId wins over a conversation id that happens to look the same.
    return jdbc.sql(
            """
            SELECT id FROM conversations WHERE tenant_id = :t
              AND (channel_key = :k OR (channel_key IS NULL AND id = :k))
            ORDER BY CASE WHEN channel_key = :k THEN 0 ELSE 1 END""")
        .param("t", tenantId)
        .param("k", key)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  @Override
  public boolean save(String tenantId, String conversationId, String title, ChannelSettings s) {
    try {
      update(tenantId, conversationId, title, s);
    } catch (DuplicateKeyException keyTaken) {
      return false;
    }
    jdbc.sql("DELETE FROM conversation_tags WHERE tenant_id = ? AND conversation_id = ?")
        .params(tenantId, conversationId)
        .update();
    for (String tag : s.tags()) {
      jdbc.sql("INSERT INTO conversation_tags (tenant_id, conversation_id, tag) VALUES (?, ?, ?)")
          .params(tenantId, conversationId, tag)
          .update();
    }
    return true;
  }

  private void update(String tenantId, String conversationId, String title, ChannelSettings s) {
    jdbc.sql(
            """
            UPDATE conversations SET title = ?, channel_key = ?, avatar_file_id = ?, metadata = ?,
                   auto_delete_enabled = ?, auto_delete_flag_limit = ?, is_public = ?,
                   updated_at = ?
            WHERE tenant_id = ? AND id = ?""")
        .params(
            title,
            s.key(),
            s.avatarFileId(),
            s.metadata(),
            s.autoDeleteEnabled(),
            s.autoDeleteFlagLimit(),
            s.isPublic(),
            utc(s.updatedAt()),
            tenantId,
            conversationId)
        .update();
  }

  @Override
  public List<Channel> find(String tenantId, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> tags = new HashMap<>();
    jdbc.sql(
            """
            SELECT conversation_id, tag FROM conversation_tags
            WHERE tenant_id = :t AND conversation_id IN (:ids) ORDER BY conversation_id, tag""")
        .param("t", tenantId)
        .param("ids", ids)
        .query(
            rs -> {
              tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    Map<String, Channel> byId = new HashMap<>();
    jdbc.sql(
            """
            SELECT c.*, (SELECT COUNT(*) FROM conversation_members m
                         WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id) AS members
            FROM conversations c WHERE c.tenant_id = :t AND c.id IN (:ids)""")
        .param("t", tenantId)
        .param("ids", ids)
        .query(
            rs -> {
              Channel channel = channel(rs, tags.getOrDefault(rs.getString("id"), List.of()));
              byId.put(channel.id(), channel);
            });
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public List<String> query(String tenantId, String userId, ChannelQuery query) {
    return querySql.ids(tenantId, userId, query);
  }

  @Override
  public void muteChannel(String tenantId, String conversationId, Instant until) {
    jdbc.sql("UPDATE conversations SET muted_until = ? WHERE tenant_id = ? AND id = ?")
        .params(until == null ? null : utc(until), tenantId, conversationId)
        .update();
  }

  @Override
  public void markDeleted(String tenantId, String conversationId, Instant at) {
    jdbc.sql(
            """
            UPDATE conversations SET deleted_at = ?, updated_at = ?
            WHERE tenant_id = ? AND id = ? AND deleted_at IS NULL""")
        .params(utc(at), utc(at), tenantId, conversationId)
        .update();
  }

  private static Channel channel(ResultSet rs, List<String> tags) throws SQLException {
    Instant created = instant(rs, "created_at");
    Conversation conversation =
        new Conversation(
            rs.getString("tenant_id"),
            rs.getString("id"),
            ConversationKind.valueOf(rs.getString("kind")),
            rs.getString("title"),
            rs.getLong("last_seq"),
            instant(rs, "last_activity_at"),
            created);
    Integer flagLimit =
        rs.getObject("auto_delete_flag_limit") == null ? null : rs.getInt("auto_delete_flag_limit");
    ChannelSettings settings =
        new ChannelSettings(
            rs.getString("channel_key"),
            rs.getString("avatar_file_id"),
            rs.getString("metadata"),
            List.copyOf(tags),
            instant(rs, "muted_until"),
            rs.getBoolean("auto_delete_enabled"),
            flagLimit,
            rs.getBoolean("is_public"),
            instant(rs, "deleted_at"),
            Optional.ofNullable(instant(rs, "updated_at")).orElse(created));
    return new Channel(conversation, settings, rs.getLong("members"));
  }
}
