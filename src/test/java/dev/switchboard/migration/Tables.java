package dev.switchboard.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Row-level reads of either database, in one comparable form. */
final class Tables {
  private Tables() {}

  static Connection h2(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
        + "/db/switchboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "sa", "");
  }

  static List<String> emptyTables(Connection connection) throws SQLException {
    try (connection) {
      List<String> empty = new ArrayList<>();
      for (String table : SchemaTables.inDependencyOrder(connection).keySet()) {
        if (DataMigration.count(connection, table) == 0) {
          empty.add(table);
        }
      }
      return empty;
    }
  }

  /** Each row as one string of its values, instants compared as instants. */
  static List<String> rows(Connection connection, String table, List<String> columns)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT " + String.join(", ", columns) + " FROM " + table)) {
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns.size(); i++) {
          Object value = result.getObject(i);
          row.append(columns.get(i - 1)).append('=').append(switch (value) {
            case OffsetDateTime time -> time.toInstant().toString();
            case Timestamp time -> time.toInstant().toString();
            case null -> "null";
            default -> value.toString();
          }).append("; ");
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /**
   * Rows for the tables no API of this test reaches without an outside party (an SMS carrier,
   * a customer's server minting auth tokens): written as those would leave them.
   */
  static void fillTablesTheApisLeftEmpty(Path dataDir) throws SQLException {
    Map<String, String> inserts = new java.util.LinkedHashMap<>();
    String tenant = "'000000000000000000000001'";
    inserts.put("sms_outbox", "INSERT INTO sms_outbox (tenant_id, id, message_id, sender,"
        + " recipient, body, status, attempts, next_attempt_at, segments, created_at, updated_at)"
        + " VALUES (" + tenant + ", '0000000000000000000000a1', NULL, '18585550001',"
        + " '18585551234', 'Your table is ready', 'delivered', 1, CURRENT_TIMESTAMP, 1,"
        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    inserts.put("sms_outbox_parts", "INSERT INTO sms_outbox_parts (tenant_id, outbox_id, part,"
        + " carrier_message_id, status) VALUES (" + tenant + ", '0000000000000000000000a1', 1,"
        + " 'carrier-1', 'delivered')");
    inserts.put("session_auth_tokens", "INSERT INTO session_auth_tokens (token_hash, tenant_id,"
        + " user_id, expires_at) VALUES ('" + "ab".repeat(32) + "', " + tenant + ", 'alice',"
        + " CURRENT_TIMESTAMP)");
    // Rows of users and conversations that the compared views do not show (peter, bob, the
    // direct chat): the views before and after the move stay comparable.
    inserts.put("message_session_items", "INSERT INTO message_session_items (tenant_id,"
        + " message_id, conversation_id, kind, direction) SELECT tenant_id, id, conversation_id,"
        + " 'CHAT', '' FROM messages WHERE sender_id = 'alice' ORDER BY id LIMIT 1");
    inserts.put("message_session_hidden", "INSERT INTO message_session_hidden (tenant_id,"
        + " conversation_id, user_id, through_seq) SELECT tenant_id, conversation_id, user_id, 0"
        + " FROM conversation_members WHERE user_id = '1001' ORDER BY conversation_id LIMIT 1");
    inserts.put("conversation_bans", "INSERT INTO conversation_bans (tenant_id, conversation_id,"
        + " user_id, banned_at) SELECT tenant_id, id, 'bob', CURRENT_TIMESTAMP FROM conversations"
        + " WHERE channel_key = 'book-club'");
    inserts.put("conversation_tags", "INSERT INTO conversation_tags (tenant_id, conversation_id,"
        + " tag) SELECT tenant_id, conversation_id, 'moved' FROM conversation_members"
        + " WHERE user_id = '1001' ORDER BY conversation_id LIMIT 1");
    // Operators' and carriers' rows that the compared views do not show either.
    inserts.put("access_revocations", "INSERT INTO access_revocations (tenant_id, user_id,"
        + " revoked_at) VALUES (" + tenant + ", 'bob', CURRENT_TIMESTAMP)");
    inserts.put("operator_sessions", "INSERT INTO operator_sessions (token_hash, id, csrf_token,"
        + " created_at, expires_at, revoked_at, client_address) VALUES ('" + "cd".repeat(32)
        + "', '0000000000000000000000c1', 'csrf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
        + " CURRENT_TIMESTAMP, '127.0.0.1')");
    inserts.put("key_session_policies", "INSERT INTO key_session_policies (tenant_id,"
        + " profile_updates, updated_at) VALUES (" + tenant + ", FALSE, CURRENT_TIMESTAMP)");
    inserts.put("sms_unmatched_receipts", "INSERT INTO sms_unmatched_receipts (id,"
        + " carrier_message_id, outcome, detail, received_at) VALUES ('0000000000000000000000b1',"
        + " 'carrier-unknown', 'delivered', 'stat:DELIVRD', CURRENT_TIMESTAMP)");
    inserts.put("conversation_change_marks", "INSERT INTO conversation_change_marks (tenant_id,"
        + " conversation_id, compacted_through) SELECT tenant_id, conversation_id, 0"
        + " FROM conversation_members WHERE user_id = '1001' ORDER BY conversation_id LIMIT 1");
    inserts.put("idempotency_keys", "INSERT INTO idempotency_keys (tenant_id, caller, operation,"
        + " idem_key, fingerprint, result_id, created_at, expires_at) VALUES (" + tenant
        + ", 'system:admin', 'credit.topUp', 'moved-key', '" + "ef".repeat(32) + "', 'none',"
        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    inserts.put("webhook_subscriptions", "INSERT INTO webhook_subscriptions (tenant_id, id,"
        + " face, model, url, events, user_filter, secret, status, created_at, updated_at) VALUES ("
        + tenant + ", '0000000000000000000000d1', 'native', '', 'https://hooks.example.com/x',"
        + " '', '', 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0', 'active', CURRENT_TIMESTAMP,"
        + " CURRENT_TIMESTAMP)");
    inserts.put("webhook_attempt_counts", "INSERT INTO webhook_attempt_counts (tenant_id,"
        + " subscription_id, stripe, posts_count, error_count) VALUES (" + tenant
        + ", '0000000000000000000000d1', 3, 12, 2)");
    inserts.put("webhook_deliveries", "INSERT INTO webhook_deliveries (tenant_id, id,"
        + " subscription_id, conversation_id, change_seq, event, status, next_attempt_at,"
        + " created_at, updated_at) VALUES (" + tenant + ", '0000000000000000000000d2',"
        + " '0000000000000000000000d1', '0000000000000000000000d3', 1, 'message.created',"
        + " 'delivered', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    try (Connection connection = h2(dataDir); Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> insert : inserts.entrySet()) {
        if (DataMigration.count(connection, insert.getKey()) == 0) {
          statement.executeUpdate(insert.getValue());
        }
      }
    }
  }
}
