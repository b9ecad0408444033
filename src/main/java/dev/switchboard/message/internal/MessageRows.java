package dev.switchboard.message.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;

import dev.switchboard.message.CreditNote;
import dev.switchboard.message.LatestReaction;
import dev.switchboard.message.Mention;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Row mapping of the messages table, and the JSON text of its mentions column. */
final class MessageRows {
  static final String COLUMNS =
      "m.tenant_id, m.id, m.conversation_id, m.seq, m.sender_id, m.type, m.content, m.client_id,"
          + " m.credit_amount, m.credit_recipient_id, m.file_id, m.created_at, m.updated_at, m.payload,"
          + " m.parent_id, m.metadata, m.mentions, m.children_count, m.flag_count, m.edited_at,"
          + " m.is_deleted, m.latest_reaction_id, m.latest_reaction_name, m.latest_reaction_user,"
          + " m.latest_reaction_added, m.latest_reaction_at, m.tag_count";

  private final JsonMapper json;

  MessageRows(JsonMapper json) {
    this.json = json;
  }

  /**
   * A message as read from its row, without its tags (they live in their own table), and how
   * many it has: {@link MessageTags#attach} reads them for the rows that have some.
   */
  record MessageRow(Message message, int tagCount) {}

  MessageRow row(ResultSet rs, int row) throws SQLException {
    return new MessageRow(map(rs), rs.getInt("tag_count"));
  }

  private Message map(ResultSet rs) throws SQLException {
    MessageType type = MessageType.valueOf(rs.getString("type"));
    long creditAmount = rs.getLong("credit_amount");
    CreditNote credit =
        rs.wasNull()
            ? null
            : new CreditNote(
                creditAmount, rs.getString("sender_id"), rs.getString("credit_recipient_id"));
    String reactionId = rs.getString("latest_reaction_id");
    LatestReaction latest =
        reactionId == null
            ? null
            : new LatestReaction(
                reactionId,
                rs.getString("latest_reaction_name"),
                rs.getString("latest_reaction_user"),
                rs.getBoolean("latest_reaction_added"),
                instant(rs, "latest_reaction_at"));
    MessageDetails details =
        new MessageDetails(
            rs.getString("payload"),
            rs.getString("parent_id"),
            List.of(),
            rs.getString("metadata"),
            mentions(rs.getString("mentions")),
            rs.getLong("children_count"),
            rs.getLong("flag_count"),
            instant(rs, "edited_at"),
            rs.getBoolean("is_deleted"),
            latest);
    return new Message(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("conversation_id"),
        rs.getLong("seq"),
        rs.getString("sender_id"),
        type,
        rs.getString("content"),
        rs.getString("client_id"),
        credit,
        rs.getString("file_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        details);
  }

  static Message withTags(Message m, List<String> tags) {
    MessageDetails d = m.details();
    return m.with(m.content(), new MessageDetails(d.data(), d.parentId(), tags, d.metadata(),
        d.mentions(), d.childrenCount(), d.flagCount(), d.editedAt(), d.deleted(),
        d.latestReaction()), m.updatedAt());
  }

  String mentionsJson(List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> list =
        mentions.stream()
            .map(m -> Map.<String, Object>of(
                "type", m.type().name().toLowerCase(Locale.ROOT), "userIds", m.userIds()))
            .toList();
    return json.writeValueAsString(list);
  }

  private List<Mention> mentions(String text) {
    if (text == null) {
      return List.of();
    }
    List<Mention> out = new ArrayList<>();
    for (JsonNode node : json.readTree(text)) {
      List<String> userIds = new ArrayList<>();
      node.get("userIds").forEach(u -> userIds.add(u.asString()));
      out.add(new Mention(
          Mention.Type.valueOf(node.get("type").asString().toUpperCase(Locale.ROOT)), userIds));
    }
    return out;
  }
}
