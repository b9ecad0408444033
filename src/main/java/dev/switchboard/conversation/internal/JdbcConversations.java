package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationMembers;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.conversation.Standing;
import dev.switchboard.shared.jdbc.UpdateReturning;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcConversations implements Conversations {
  static final String COLUMNS =
      "c.tenant_id, c.id, c.kind, c.title, c.last_seq, c.last_activity_at, c.created_at";

  private final JdbcClient jdbc;
  private final UpdateReturning counter;
  private final StandingSql standings;
  private final ConversationMembersSql withMembers;
  private final UnreadCountsReadModel unread;

  public JdbcConversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.counter = new UpdateReturning(jdbc);
    this.standings = new StandingSql(jdbc);
    this.withMembers = new ConversationMembersSql(jdbc);
    this.unread = new UnreadCountsReadModel(jdbc);
  }

  @Override
  public boolean insert(Conversation c, String directKey) {
    return jdbc.sql(
                """
                INSERT INTO conversations (tenant_id, id, kind, title, direct_key, last_seq,
                                           last_activity_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(
                c.tenantId(),
                c.id(),
                c.kind().name(),
                c.title(),
                directKey,
                c.lastSeq(),
                utc(c.lastActivityAt()),
                utc(c.createdAt()))
            .update()
        == 1;
  }

  @Override
  public Optional<Conversation> find(String tenantId, String conversationId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.tenant_id = ? AND c.id = ?")
        .params(tenantId, conversationId)
        .query(JdbcConversations::conversation)
        .optional();
  }

  @Override
  public Optional<Conversation> findDirect(String tenantId, String directKey) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM conversations c WHERE c.tenant_id = ? AND c.direct_key = ?")
        .params(tenantId, directKey)
        .query(JdbcConversations::conversation)
        .optional();
  }

  @Override
  public boolean addMember(
      String tenantId, String conversationId, String userId, Instant joinedAt) {
    return jdbc.sql(
            """
            INSERT INTO conversation_members (tenant_id, conversation_id, user_id, last_read_seq,
                                              joined_at)
            VALUES (?, ?, ?, 0, ?)
            ON CONFLICT DO NOTHING""")
            .params(tenantId, conversationId, userId, utc(joinedAt))
            .update()
        == 1;
  }

  @Override
  public List<Member> members(String tenantId, String conversationId) {
    return jdbc.sql(
            """
            SELECT conversation_id, user_id, last_read_seq, joined_at FROM conversation_members
            WHERE tenant_id = ? AND conversation_id = ? ORDER BY joined_at, user_id""")
        .params(tenantId, conversationId)
        .query(JdbcConversations::member)
        .list();
  }

  @Override
  public boolean removeMember(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
                """
                DELETE FROM conversation_members
                WHERE tenant_id = ? AND conversation_id = ? AND user_id = ?""")
            .params(tenantId, conversationId, userId)
            .update()
        == 1;
  }

  @Override
  public void rename(String tenantId, String conversationId, String title) {
    jdbc.sql("UPDATE conversations SET title = ? WHERE tenant_id = ? AND id = ?")
        .params(title, tenantId, conversationId)
        .update();
  }

  @Override
  public void toGroup(String tenantId, String conversationId) {
    jdbc.sql(
            """
            UPDATE conversations SET kind = 'GROUP', direct_key = NULL
            WHERE tenant_id = ? AND id = ?""")
        .params(tenantId, conversationId)
        .update();
  }

  @Override
  public List<Member> members(String tenantId, Collection<String> conversationIds) {
    return jdbc.sql(
            """
            SELECT conversation_id, user_id, last_read_seq, joined_at FROM conversation_members
            WHERE tenant_id = :tenant AND conversation_id IN (:ids)
            ORDER BY conversation_id, joined_at, user_id""")
        .param("tenant", tenantId)
        .param("ids", conversationIds)
        .query(JdbcConversations::member)
        .list();
  }

  @Override
  public Optional<Member> member(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
            """
            SELECT conversation_id, user_id, last_read_seq, joined_at FROM conversation_members
            WHERE tenant_id = ? AND conversation_id = ? AND user_id = ?""")
        .params(tenantId, conversationId, userId)
        .query(JdbcConversations::member)
        .optional();
  }

  @Override
  public Optional<ConversationMembers> withMembers(String tenantId, String conversationId) {
    return withMembers.find(tenantId, conversationId);
  }

  @Override
  public Optional<Membership> findForUser(String tenantId, String conversationId, String userId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                , EXISTS (SELECT 1 FROM conversation_members m
                          WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id
                            AND m.user_id = ?) AS is_member
                FROM conversations c WHERE c.tenant_id = ? AND c.id = ?""")
        .params(userId, tenantId, conversationId)
        .query((rs, row) -> new Membership(conversation(rs, row), rs.getBoolean("is_member")))
        .optional();
  }

  @Override
  public Sequences advance(String tenantId, String conversationId, Instant activityAt) {
    // One statement for both counters (one round trip on PostgreSQL, RETURNING); the row stays
    // locked until commit either way.
    return counter
        .update(
            """
            UPDATE conversations SET last_seq = last_seq + 1, last_change_seq = last_change_seq + 1,
                                     last_activity_at = ?
            WHERE tenant_id = ? AND id = ?""",
            new Object[] {utc(activityAt), tenantId, conversationId},
            "last_seq, last_change_seq",
            (rs, n) -> new Sequences(rs.getLong(1), rs.getLong(2)),
            "SELECT last_seq, last_change_seq FROM conversations WHERE tenant_id = ? AND id = ?",
            new Object[] {tenantId, conversationId})
        .orElseThrow(() -> missing(conversationId));
  }

  @Override
  public long nextChangeSeq(String tenantId, String conversationId) {
    return counter
        .update(
            "UPDATE conversations SET last_change_seq = last_change_seq + 1 WHERE tenant_id = ? AND id = ?",
            new Object[] {tenantId, conversationId},
            "last_change_seq",
            "SELECT last_change_seq FROM conversations WHERE tenant_id = ? AND id = ?",
            new Object[] {tenantId, conversationId})
        .orElseThrow(() -> missing(conversationId));
  }

  @Override
  public Optional<Standing> standing(String tenantId, ConversationRef ref, String userId) {
    return standings.find(tenantId, ref, userId);
  }

  private static IllegalStateException missing(String conversationId) {
    return new IllegalStateException("conversation " + conversationId + " does not exist");
  }

  @Override
  public boolean markRead(String tenantId, String conversationId, String userId, long seq) {
    return jdbc.sql(
            """
            UPDATE conversation_members SET last_read_seq = ?
            WHERE tenant_id = ? AND conversation_id = ? AND user_id = ? AND last_read_seq < ?""")
            .params(seq, tenantId, conversationId, userId, seq)
            .update()
        == 1;
  }

  @Override
  public List<Conversation> forUser(String tenantId, String userId, int limit, long offset) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM conversation_members m
                JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
                WHERE m.tenant_id = ? AND m.user_id = ?
                ORDER BY c.last_activity_at DESC, c.id DESC
                LIMIT ? OFFSET ?""")
        .params(tenantId, userId, limit, offset)
        .query(JdbcConversations::conversation)
        .list();
  }

  @Override
  public long countForUser(String tenantId, String userId) {
    return jdbc.sql("SELECT COUNT(*) FROM conversation_members WHERE tenant_id = ? AND user_id = ?")
        .params(tenantId, userId)
        .query(Long.class)
        .single();
  }

  @Override
  public List<String> idsForUser(String tenantId, String userId) {
    return jdbc.sql("SELECT conversation_id FROM conversation_members WHERE tenant_id = ? AND user_id = ?")
        .params(tenantId, userId)
        .query(String.class)
        .list();
  }

  @Override
  public Map<String, Long> unreadCounts(
      String tenantId, String userId, Collection<String> conversationIds) {
    return unread.counts(tenantId, userId, conversationIds);
  }

  static Conversation conversation(ResultSet rs, int row) throws SQLException {
    return new Conversation(
        rs.getString("tenant_id"),
        rs.getString("id"),
        ConversationKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getLong("last_seq"),
        instant(rs, "last_activity_at"),
        instant(rs, "created_at"));
  }

  private static Member member(ResultSet rs, int row) throws SQLException {
    return new Member(
        rs.getString("conversation_id"),
        rs.getString("user_id"),
        rs.getLong("last_read_seq"),
        instant(rs, "joined_at"));
  }
}
