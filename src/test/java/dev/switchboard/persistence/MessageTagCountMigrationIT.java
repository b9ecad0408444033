package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.message.Message;
import dev.switchboard.message.internal.JdbcMessages;
import dev.switchboard.support.PostgresTestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V26 on a database that already holds messages: every message with tags gets its count, every
 * other one 0, and the messages read back through the adapter with their tags in order. Run on
 * H2 (a file of its own) and on PostgreSQL (a schema of its own), each migrated to the version
 * before 26 first (25), filled the way the server before V26 wrote messages, then migrated to
 * the latest.
 */
class MessageTagCountMigrationIT {
  @Test
  void h2CountsTheTagsOfEveryExistingMessage() throws Exception {
    MigrationDatabases.onH2("tag-count", MessageTagCountMigrationIT::migrateAcrossV26);
  }

  @Test
  @ExtendWith(PostgresTestDatabase.class)
  void postgresCountsTheTagsOfEveryExistingMessage() throws Exception {
    MigrationDatabases.onPostgres("tag-count", MessageTagCountMigrationIT::migrateAcrossV26);
  }

  private static void migrateAcrossV26(HikariDataSource dataSource, String vendor) {
    MigrationDatabases.migrateToJustBefore(dataSource, vendor, "26");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    assertThat(columnExists(jdbc)).as("the column does not exist before V26").isFalse();
    StorageRows rows = new StorageRows(jdbc);
    String t = rows.tenant("a", "b");
    String other = rows.tenant("a");
    Conversation c = rows.conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation elsewhere = rows.conversation(other, ConversationKind.GROUP, "a");
    String plain = oldMessage(jdbc, c, 1);
    String twoTags = oldMessage(jdbc, c, 2, "zeta", "alpha");
    String oneTag = oldMessage(jdbc, c, 3, "solo");
    String otherDomains = oldMessage(jdbc, elsewhere, 1, "x", "y", "z");

    MigrationDatabases.migrateToLatest(dataSource, vendor);

    assertThat(tagCounts(jdbc)).isEqualTo(
        Map.of(plain, 0, twoTags, 2, oneTag, 1, otherDomains, 3));
    assertThat(new JdbcMessages(jdbc).range(t, c.id(), 0, 10))
        .extracting(Message::id, m -> m.details().tags())
        .containsExactly(
            tuple(oneTag, List.of("solo")),
            tuple(twoTags, List.of("zeta", "alpha")),
            tuple(plain, List.of()));
  }

  /** A message as the server before V26 wrote it: the row, then its tags in their table. */
  private static String oldMessage(JdbcClient jdbc, Conversation c, long seq, String... tags) {
    String id = IDS.next();
    jdbc.sql("""
            INSERT INTO messages (tenant_id, id, conversation_id, seq, sender_id, type, content,
                                  created_at, updated_at)
            VALUES (?, ?, ?, ?, 'a', 'TEXT', ?, ?, ?)""")
        .params(c.tenantId(), id, c.id(), seq, "message " + seq, utc(NOW), utc(NOW))
        .update();
    for (int i = 0; i < tags.length; i++) {
      jdbc.sql("INSERT INTO message_tags (tenant_id, message_id, tag_index, tag) VALUES (?, ?, ?, ?)")
          .params(c.tenantId(), id, i, tags[i])
          .update();
    }
    jdbc.sql("UPDATE conversations SET last_seq = ? WHERE tenant_id = ? AND id = ?")
        .params(seq, c.tenantId(), c.id())
        .update();
    return id;
  }

  private static Map<String, Integer> tagCounts(JdbcClient jdbc) {
    return jdbc.sql("SELECT id, tag_count FROM messages")
        .query(rs -> {
          var counts = new HashMap<String, Integer>();
          while (rs.next()) {
            counts.put(rs.getString("id"), rs.getInt("tag_count"));
          }
          return counts;
        });
  }

  private static boolean columnExists(JdbcClient jdbc) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM information_schema.columns
             WHERE LOWER(table_name) = 'messages' AND LOWER(column_name) = 'tag_count'
               AND table_schema = CURRENT_SCHEMA""")
        .query(Long.class)
        .single() > 0;
  }
}
