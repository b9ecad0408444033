package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.ChannelMembers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channel members' roles ({@code conversation_member_roles}), bans ({@code conversation_bans}),
 * mutes and mention cursors (columns of {@code conversation_members}).
 */
@Repository
public class JdbcChannelMembers implements ChannelMembers {
  private static final String MEMBER_COLUMNS =
      "conversation_id, user_id, last_read_seq, last_mentioned_seq, muted_until, joined_at";

  private final JdbcClient jdbc;

  public JdbcChannelMembers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ChannelMember> members(
      String tenantId, String conversationId, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    List<Row> rows =
        jdbc.sql(
                "SELECT " + MEMBER_COLUMNS + """
                 FROM conversation_members
                WHERE tenant_id = :t AND conversation_id = :c AND user_id IN (:u)
                ORDER BY joined_at, user_id""")
            .param("t", tenantId)
            .param("c", conversationId)
            .param("u", userIds)
            .query(JdbcChannelMembers::row)
            .list();
    return withRoles(tenantId, conversationId, rows);
  }

  @Override
  public List<ChannelMember> members(
      String tenantId, String conversationId, Collection<String> roles, int limit, long offset) {
    String roleFilter =
        roles.isEmpty()
            ? ""
            : """
              \sAND EXISTS (SELECT 1 FROM conversation_member_roles r
                WHERE r.tenant_id = m.tenant_id AND r.conversation_id = m.conversation_id
                  AND r.user_id = m.user_id AND r.role IN (:roles))""";
    var spec =
        jdbc.sql(
                "SELECT " + MEMBER_COLUMNS + " FROM conversation_members m"
                    + " WHERE m.tenant_id = :t AND m.conversation_id = :c" + roleFilter
                    + " ORDER BY m.joined_at, m.user_id LIMIT :limit OFFSET :offset")
            .param("t", tenantId)
            .param("c", conversationId)
            .param("limit", limit)
            .param("offset", offset);
    if (!roles.isEmpty()) {
      spec = spec.param("roles", roles);
    }
    return withRoles(tenantId, conversationId, spec.query(JdbcChannelMembers::row).list());
  }

  @Override
  public boolean ban(String tenantId, String conversationId, String userId, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO conversation_bans (tenant_id, conversation_id, user_id, banned_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(tenantId, conversationId, userId, utc(at))
            .update()
        == 1;
  }

  @Override
  public boolean unban(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
                """
                DELETE FROM conversation_bans
                WHERE tenant_id = ? AND conversation_id = ? AND user_id = ?""")
            .params(tenantId, conversationId, userId)
            .update()
        == 1;
  }

  @Override
  public boolean isBanned(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM conversation_bans
                WHERE tenant_id = ? AND conversation_id = ? AND user_id = ?""")
            .params(tenantId, conversationId, userId)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<String> banned(String tenantId, String conversationId, int limit, long offset) {
    return jdbc.sql(
            """
            SELECT user_id FROM conversation_bans WHERE tenant_id = ? AND conversation_id = ?
            ORDER BY banned_at, user_id LIMIT ? OFFSET ?""")
        .params(tenantId, conversationId, limit, offset)
        .query(String.class)
        .list();
  }

  @Override
  public int addRole(
      String tenantId, String conversationId, Collection<String> userIds, String role) {
    return jdbc.sql(
            """
            INSERT INTO conversation_member_roles (tenant_id, conversation_id, user_id, role)
            SELECT m.tenant_id, m.conversation_id, m.user_id, :role FROM conversation_members m
            WHERE m.tenant_id = :t AND m.conversation_id = :c AND m.user_id IN (:u)
              AND NOT EXISTS (SELECT 1 FROM conversation_member_roles r
                WHERE r.tenant_id = m.tenant_id AND r.conversation_id = m.conversation_id
                  AND r.user_id = m.user_id AND r.role = :role)""")
        .param("role", role)
        .param("t", tenantId)
        .param("c", conversationId)
        .param("u", userIds)
        .update();
  }

  @Override
  public int removeRole(
      String tenantId, String conversationId, Collection<String> userIds, String role) {
    return jdbc.sql(
            """
            DELETE FROM conversation_member_roles
            WHERE tenant_id = :t AND conversation_id = :c AND user_id IN (:u) AND role = :role""")
        .param("t", tenantId)
        .param("c", conversationId)
        .param("u", userIds)
        .param("role", role)
        .update();
  }

  @Override
  public void muteMembers(
      String tenantId, String conversationId, Collection<String> userIds, Instant until) {
    jdbc.sql(
            """
            UPDATE conversation_members SET muted_until = :until
            WHERE tenant_id = :t AND conversation_id = :c AND user_id IN (:u)""")
        .param("until", until == null ? null : utc(until))
        .param("t", tenantId)
        .param("c", conversationId)
        .param("u", userIds)
        .update();
  }

  @Override
  public int advanceMentions(
      String tenantId, String conversationId, Collection<String> userIds, long seq) {
    if (userIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            UPDATE conversation_members SET last_mentioned_seq = :seq
            WHERE tenant_id = :t AND conversation_id = :c AND user_id IN (:u)
              AND last_mentioned_seq < :seq""")
        .param("seq", seq)
        .param("t", tenantId)
        .param("c", conversationId)
        .param("u", userIds)
        .update();
  }

  /** A member row before its roles are attached. */
  private record Row(
      String conversationId,
      String userId,
      long lastReadSeq,
      long lastMentionedSeq,
      Instant mutedUntil,
      Instant joinedAt) {}

  private List<ChannelMember> withRoles(String tenantId, String conversationId, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> roles = new HashMap<>();
    jdbc.sql(
            """
            SELECT user_id, role FROM conversation_member_roles
            WHERE tenant_id = :t AND conversation_id = :c AND user_id IN (:u) ORDER BY role""")
        .param("t", tenantId)
        .param("c", conversationId)
        .param("u", rows.stream().map(Row::userId).toList())
        .query(
            rs -> {
              roles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return rows.stream()
        .map(
            r ->
                new ChannelMember(
                    r.conversationId(),
                    r.userId(),
                    r.lastReadSeq(),
                    r.lastMentionedSeq(),
                    r.mutedUntil(),
                    List.copyOf(roles.getOrDefault(r.userId(), List.of())),
                    r.joinedAt()))
        .toList();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("conversation_id"),
        rs.getString("user_id"),
        rs.getLong("last_read_seq"),
        rs.getLong("last_mentioned_seq"),
        instant(rs, "muted_until"),
        instant(rs, "joined_at"));
  }
}
