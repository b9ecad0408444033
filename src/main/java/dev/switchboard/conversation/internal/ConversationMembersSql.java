package dev.switchboard.conversation.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationMembers;
import dev.switchboard.conversation.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A conversation and its members in one statement: the conversation row LEFT JOINed to its
 * member rows (a conversation without members still yields its one row, with null member
 * columns), by primary key and the members' key prefix.
 */
final class ConversationMembersSql {
  private static final String SELECT =
      "SELECT "
          + JdbcConversations.COLUMNS
          + """
          , m.user_id AS member_id, m.last_read_seq, m.joined_at
          FROM conversations c
          LEFT JOIN conversation_members m
            ON m.tenant_id = c.tenant_id AND m.conversation_id = c.id
          WHERE c.tenant_id = ? AND c.id = ?
          ORDER BY m.joined_at, m.user_id""";

  private final JdbcClient jdbc;

  ConversationMembersSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ConversationMembers> find(String tenantId, String conversationId) {
    return jdbc.sql(SELECT)
        .params(tenantId, conversationId)
        .query(
            rs -> {
              Conversation conversation = null;
              List<Member> members = new ArrayList<>();
              while (rs.next()) {
                if (conversation == null) {
                  conversation = JdbcConversations.conversation(rs, 0);
                }
                String userId = rs.getString("member_id");
                if (userId != null) {
                  members.add(
                      new Member(
                          conversationId,
                          userId,
                          rs.getLong("last_read_seq"),
                          instant(rs, "joined_at")));
                }
              }
              return Optional.ofNullable(conversation)
                  .map(found -> new ConversationMembers(found, members));
            });
  }
}
