package dev.switchboard.message;

import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A message into a conversation with everything a channel client may attach: a structured
 * {@code data} payload (JSON object text), a thread parent, tags, metadata (JSON object text) and
 * mentions, and for image, video, audio and file messages the uploaded {@code fileId}. {@code
 * clientId} makes retries idempotent, as for {@link PostMessage}.
 */
public record SendMessage(
    String conversationId,
    String clientId,
    MessageType type,
    String text,
    String data,
    String parentId,
    List<String> tags,
    String metadata,
    List<Mention> mentions,
    String fileId) {
  public static final int MAX_CLIENT_ID = 150;
  public static final int MAX_PARENT_ID = 150;
  public static final int MAX_DATA_BYTES = 100 * 1024;
  public static final int MAX_METADATA_BYTES = 100 * 1024;
  public static final int MAX_TAGS = 10;
  public static final int MAX_TAG = 30;
  public static final int MAX_MENTIONS = 2;

  public SendMessage {
    tags = tags == null ? List.of() : List.copyOf(tags);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  public void validate() {
    Violations v = new Violations()
        .notBlank("channelId", conversationId)
        .check(type != null, "type must be given")
        .check(type != MessageType.CREDIT_TRANSFER, "type credit_transfer cannot be posted")
        .check(type != MessageType.TEXT || (text != null && !text.isBlank()),
            "data.text must not be blank for a text message")
        .check(type != MessageType.CUSTOM || data != null, "data must be given for a custom message")
        .maxLength("messageId", clientId, MAX_CLIENT_ID)
        .check(clientId == null || !clientId.isBlank(), "messageId must not be blank")
        .maxLength("parentId", parentId, MAX_PARENT_ID)
        .check(type == null || !type.carriesFile() || fileId != null,
            "fileId must be given for type " + (type == null ? "" : type.wireName()))
        .check(type == null || type.carriesFile() || fileId == null,
            "only image, video, audio and file messages carry a fileId");
    checkContent(v, text, data, tags, metadata, mentions);
    v.throwIfAny();
  }

  /** The limits shared by posting and editing. */
  static void checkContent(
      Violations v, String text, String data, List<String> tags, String metadata, List<Mention> mentions) {
    v.maxLength("data.text", text, PostMessage.MAX_TEXT)
        .check(bytes(data) <= MAX_DATA_BYTES, "data must be at most " + MAX_DATA_BYTES + " bytes")
        .check(bytes(metadata) <= MAX_METADATA_BYTES,
            "metadata must be at most " + MAX_METADATA_BYTES + " bytes");
    if (tags != null) {
      v.check(tags.size() <= MAX_TAGS, "tags must have at most " + MAX_TAGS + " items");
      for (String tag : tags) {
        v.check(tag != null && !tag.isBlank() && tag.length() <= MAX_TAG,
            "tags must be non-blank and at most " + MAX_TAG + " characters: " + shorten(tag));
      }
    }
    if (mentions != null) {
      v.check(mentions.size() <= MAX_MENTIONS, "mentionees must have at most " + MAX_MENTIONS + " items");
      for (Mention m : mentions) {
        v.check(m.type() != null, "mentionees.type must be user or channel")
            .check(m.userIds().size() <= Mention.MAX_USERS,
                "mentionees.userIds must have at most " + Mention.MAX_USERS + " items")
            .check(m.userIds().stream().allMatch(u -> u != null && !u.isBlank() && u.length() <= 64),
                "mentionees.userIds must be user ids");
      }
    }
  }

  private static long bytes(String json) {
    return json == null ? 0 : json.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String shorten(String tag) {
    return tag == null ? "null" : tag.length() > 40 ? tag.substring(0, 40) + "…" : tag;
  }
}
