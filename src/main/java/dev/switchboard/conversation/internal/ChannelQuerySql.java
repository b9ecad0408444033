package dev.switchboard.conversation.internal;

import dev.switchboard.conversation.ChannelQuery;
import dev.switchboard.conversation.ConversationKind;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the channel search from its filters. A user sees the open channels of his domain and
 * the private conversations he is a member of; nothing else is ever selected.
 */
final class ChannelQuerySql {
  private static final String IS_MEMBER =
      """
      EXISTS (SELECT 1 FROM conversation_members m
              WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.user_id = :user)""";
  private static final String HAS_TAG =
      """
      EXISTS (SELECT 1 FROM conversation_tags t
              WHERE t.tenant_id = c.tenant_id AND t.conversation_id = c.id AND t.tag IN (%s))""";

  private final JdbcClient jdbc;

  ChannelQuerySql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> ids(String tenantId, String userId, ChannelQuery q) {
    Map<String, Object> params = new HashMap<>();
    params.put("tenant", tenantId);
    params.put("user", userId);
    params.put("open", names(EnumSet.of(ConversationKind.COMMUNITY, ConversationKind.LIVE,
        ConversationKind.BROADCAST)));
    StringBuilder sql =
        new StringBuilder("SELECT c.id FROM conversations c WHERE c.tenant_id = :tenant")
            .append(" AND (c.kind IN (:open) OR ").append(IS_MEMBER).append(")");
    if (!q.kinds().isEmpty()) {
      sql.append(" AND c.kind IN (:kinds)");
      params.put("kinds", names(q.kinds()));
    }
    switch (q.membership()) {
      case MEMBER -> sql.append(" AND ").append(IS_MEMBER);
      case NOT_MEMBER -> sql.append(" AND NOT ").append(IS_MEMBER);
      case ALL -> {}
    }
    if (q.keyword() != null && !q.keyword().isBlank()) {
      sql.append(" AND LOWER(c.title) LIKE :keyword ESCAPE '\\'");
      params.put("keyword", "%" + escapeLike(q.keyword().toLowerCase(Locale.ROOT)) + "%");
    }
    if (!q.tags().isEmpty()) {
      sql.append(" AND ").append(HAS_TAG.formatted(":tags"));
      params.put("tags", q.tags());
    }
    if (!q.excludeTags().isEmpty()) {
      sql.append(" AND NOT ").append(HAS_TAG.formatted(":excludeTags"));
      params.put("excludeTags", q.excludeTags());
    }
    if (q.deleted() == null || !q.deleted()) {
      sql.append(" AND c.deleted_at IS NULL");
    } else {
      sql.append(" AND c.deleted_at IS NOT NULL");
    }
    sql.append(" ORDER BY ").append(order(q.sort())).append(" LIMIT :limit OFFSET :offset");
    params.put("limit", q.limit());
    params.put("offset", q.offset());
    return jdbc.sql(sql.toString()).params(params).query(String.class).list();
  }

  private static String order(ChannelQuery.Sort sort) {
    return switch (sort) {
      case LAST_ACTIVITY -> "c.last_activity_at DESC, c.id DESC";
      case LAST_CREATED -> "c.created_at DESC, c.id DESC";
      case FIRST_CREATED -> "c.created_at, c.id";
      case DISPLAY_NAME -> "LOWER(c.title), c.id";
    };
  }

  private static List<String> names(java.util.Set<ConversationKind> kinds) {
    return kinds.stream().map(Enum::name).toList();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
