package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;

import dev.switchboard.conversation.ChannelRoles;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.DirectKey;
import dev.switchboard.conversation.Standing;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's standing in one conversation in a single query: the conversation row (which carries
 * the channel's key, mute and deletion), the user's membership row (his mute), and whether he
 * is banned or holds a moderator role — primary-key lookups only, no member count.
 */
final class StandingSql {
  private static final String SELECT =
      "SELECT "
          + JdbcConversations.COLUMNS
          + """
          , c.channel_key, c.deleted_at, c.updated_at AS channel_updated_at,
            c.muted_until AS channel_muted_until,
            m.user_id AS member_id, m.muted_until AS member_muted_until,
            EXISTS (SELECT 1 FROM conversation_member_roles r
                    WHERE r.tenant_id = c.tenant_id AND r.conversation_id = c.id
                      AND r.user_id = :user AND r.role IN (:moderatorRoles)) AS is_moderator,
            EXISTS (SELECT 1 FROM conversation_bans b
                    WHERE b.tenant_id = c.tenant_id AND b.conversation_id = c.id
                      AND b.user_id = :user) AS is_banned
          FROM conversations c
          LEFT JOIN conversation_members m
            ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.user_id = :user
          WHERE c.tenant_id = :tenant AND\s""";

  private final JdbcClient jdbc;

  StandingSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Standing> find(String tenantId, ConversationRef ref, String userId) {
    String where;
    String value;
    switch (ref) {
      case ConversationRef.Id id -> {
        where = "c.id = :value";
        value = id.value();
      }
      // A client channelId wins over a conversation id that happens to look the same.
      case ConversationRef.ChannelKey key -> {
        where =
            """
            (c.channel_key = :value OR (c.channel_key IS NULL AND c.id = :value))
            ORDER BY CASE WHEN c.channel_key = :value THEN 0 ELSE 1 END LIMIT 1""";
        value = key.value();
      }
      case ConversationRef.DirectWith direct -> {
        where = "c.direct_key = :value";
        value = DirectKey.of(userId, direct.userId());
      }
    }
    return jdbc.sql(SELECT + where)
        .param("tenant", tenantId)
        .param("user", userId)
        .param("moderatorRoles", ChannelRoles.MODERATOR_ROLES)
        .param("value", value)
        .query(
            (rs, n) ->
                new Standing(
                    JdbcConversations.conversation(rs, n),
                    rs.getString("channel_key"),
                    rs.getTimestamp("deleted_at") != null,
                    instant(rs, "channel_updated_at"),
                    instant(rs, "channel_muted_until"),
                    rs.getString("member_id") != null,
                    instant(rs, "member_muted_until"),
                    rs.getBoolean("is_moderator"),
                    rs.getBoolean("is_banned")))
        .optional();
  }
}
