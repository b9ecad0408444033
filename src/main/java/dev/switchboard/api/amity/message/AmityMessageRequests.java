package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.message.AmityMessageDtos.AmityCreateMessage;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMentionee;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityUpdateMessage;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.message.EditMessage;
import dev.switchboard.message.Mention;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Violations;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Amity request bodies to core commands. Amity puts a text message's text in {@code data.text};
 * any other data (custom payloads, captions, image maps) is kept whole as the message's payload.
 */
final class AmityMessageRequests {
  static final int MAX_CHANNEL_ID = 150;
  static final int MAX_FILE_ID = 50;
  private static final List<String> TYPES =
      List.of("text", "image", "file", "custom", "video", "audio", "imagemap");

  private AmityMessageRequests() {}

  /** The channel is named by its public key, which the post resolves in its own transaction. */
  static PostMessage send(AmityCreateMessage body) {
    String type = body.type() == null ? "text" : body.type();
    Violations v =
        new Violations()
            .notBlank("channelId", body.channelId())
            .maxLength("channelId", body.channelId(), MAX_CHANNEL_ID)
            .check(TYPES.contains(type), "type must be one of " + String.join(", ", TYPES))
            .maxLength("fileId", body.fileId(), MAX_FILE_ID);
    checkObjects(v, body.data(), body.metadata());
    List<Mention> mentions = mentions(v, body.mentionees());
    v.throwIfAny();
    MessageType parsed = MessageType.fromWireName(type).orElseThrow();
    return PostMessage.to(new ConversationRef.ChannelKey(body.channelId()))
        .type(parsed)
        .text(text(body.data()))
        .data(payload(parsed, body.data()))
        .storedFile(body.fileId())
        .parentId(body.parentId())
        .tags(body.tags())
        .metadata(body.metadata() == null ? null : body.metadata().toString())
        .mentions(mentions)
        .clientKey(body.messageId())
        .build();
  }

  static EditMessage edit(AmityUpdateMessage body) {
    Violations v = new Violations();
    checkObjects(v, body.data(), body.metadata());
    List<Mention> mentions = body.mentionees() == null ? null : mentions(v, body.mentionees());
    v.throwIfAny();
    JsonNode data = body.data();
    boolean textOnly = data != null && data.size() == 1 && data.has("text");
    return new EditMessage(
        text(data),
        data == null || textOnly ? null : data.toString(),
        body.tags(),
        body.metadata() == null ? null : body.metadata().toString(),
        mentions);
  }

  private static void checkObjects(Violations v, JsonNode data, JsonNode metadata) {
    v.check(data == null || data.isObject(), "data must be an object")
        .check(data == null || !data.has("text") || data.get("text").isString(),
            "data.text must be a string")
        .check(metadata == null || metadata.isObject(), "metadata must be an object");
  }

  private static List<Mention> mentions(Violations v, List<AmityMentionee> mentionees) {
    if (mentionees == null) {
      return List.of();
    }
    return mentionees.stream()
        .map(m -> {
          String type = m == null || m.type() == null ? "" : m.type().toLowerCase(Locale.ROOT);
          boolean known = type.equals("user") || type.equals("channel");
          v.check(known, "mentionees.type must be user or channel");
          return new Mention(
              known ? Mention.Type.valueOf(type.toUpperCase(Locale.ROOT)) : null,
              m == null ? List.of() : m.userIds());
        })
        .toList();
  }

  private static String text(JsonNode data) {
    return data != null && data.has("text") && data.get("text").isString()
        ? data.get("text").asString()
        : null;
  }

  /** A text message's {@code {"text"}} is its content; anything more is kept as payload. */
  private static String payload(MessageType type, JsonNode data) {
    if (data == null || data.isEmpty()) {
      return type == MessageType.CUSTOM && data != null ? "{}" : null;
    }
    boolean textOnly = data.size() == 1 && data.has("text");
    return type == MessageType.TEXT && textOnly ? null : data.toString();
  }
}
