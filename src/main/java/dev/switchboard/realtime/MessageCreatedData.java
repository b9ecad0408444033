package dev.switchboard.realtime;

import dev.switchboard.message.CreditNote;
import dev.switchboard.message.Mention;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the message out of a {@code message.created} change's data (its schema:
 * docs/realtime/schemas/events/message.created.schema.json), which records the whole message as
 * posted, so that a face can render a new message without reading it again.
 */
@Component
public class MessageCreatedData {
  private final JsonMapper json;

  public MessageCreatedData(JsonMapper json) {
    this.json = json;
  }

  /**
   * The message as it was posted (no reactions, flags, replies or edits yet; times to the
   * millisecond). Empty for a change logged by an older version, whose data carried only the
   * message's text, or by a newer one with a type or mention this version does not know: read
   * the message then.
   */
  public Optional<Message> message(String tenantId, JsonNode data) {
    JsonNode m = data.path("message");
    Optional<MessageType> type = MessageType.fromWireName(m.path("type").asString(""));
    if (!m.has("tags") || !m.has("mentions") || type.isEmpty()) {
      return Optional.empty(); // an older node's change, or a type this version does not know
    }
    List<String> tags = new ArrayList<>();
    m.path("tags").forEach(tag -> tags.add(tag.asString()));
    List<Mention> mentions = new ArrayList<>();
    for (JsonNode mention : m.path("mentions")) {
      Optional<Mention.Type> kind = Arrays.stream(Mention.Type.values())
          .filter(k -> k.name().toLowerCase(Locale.ROOT).equals(mention.path("type").asString("")))
          .findFirst();
      if (kind.isEmpty()) {
        return Optional.empty();
      }
      List<String> userIds = new ArrayList<>();
      mention.path("userIds").forEach(u -> userIds.add(u.asString()));
      mentions.add(new Mention(kind.get(), userIds));
    }
    JsonNode credit = m.path("creditTransfer");
    Instant at = Instant.parse(m.path("createdAt").asString());
    MessageDetails details = new MessageDetails(text(m.path("data")), text(m.path("parentId")),
        tags, text(m.path("metadata")), mentions, 0, 0, null, false, null);
    return Optional.of(new Message(tenantId, m.path("id").asString(),
        m.path("conversationId").asString(), m.path("seq").asLong(), m.path("senderId").asString(),
        type.get(), text(m.path("content")), text(m.path("clientKey")),
        credit.isObject()
            ? new CreditNote(credit.path("amount").asLong(), credit.path("senderId").asString(),
                credit.path("recipientId").asString())
            : null,
        text(m.path("fileId")), at, at, details));
  }

  /** A JSON value back as the text the core keeps: strings as they are, objects as JSON text. */
  private String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isString() ? node.asString() : json.writeValueAsString(node);
  }
}
