package dev.switchboard.message;

import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The limits of what a message carries, shared by posting and editing. */
final class MessageContent {
  static final int MAX_DATA_BYTES = 100 * 1024;
  static final int MAX_METADATA_BYTES = 100 * 1024;
  static final int MAX_TAGS = 10;
  static final int MAX_TAG = 30;
  static final int MAX_MENTIONS = 2;

  private MessageContent() {}

  static void check(
      Violations v, String text, String data, List<String> tags, String metadata, List<Mention> mentions) {
    v.maxLength(Term.TEXT, text, PostMessage.MAX_TEXT)
        .check(bytes(data) <= MAX_DATA_BYTES, Term.DATA + " must be at most " + MAX_DATA_BYTES + " bytes")
        .check(bytes(metadata) <= MAX_METADATA_BYTES,
            Term.METADATA + " must be at most " + MAX_METADATA_BYTES + " bytes");
    if (tags != null) {
      v.check(tags.size() <= MAX_TAGS, Term.TAGS + " must have at most " + MAX_TAGS + " items");
      for (String tag : tags) {
        v.check(tag != null && !tag.isBlank() && tag.length() <= MAX_TAG,
            Term.TAGS + " must be non-blank and at most " + MAX_TAG + " characters: " + shorten(tag));
      }
    }
    if (mentions != null) {
      v.check(mentions.size() <= MAX_MENTIONS,
          Term.MENTIONS + " must have at most " + MAX_MENTIONS + " items");
      for (Mention m : mentions) {
        v.check(m.type() != null, Term.MENTIONS + ".type must be user or channel")
            .check(m.userIds().size() <= Mention.MAX_USERS,
                Term.MENTIONS + ".userIds must have at most " + Mention.MAX_USERS + " items")
            .check(m.userIds().stream().allMatch(u -> u != null && !u.isBlank() && u.length() <= 64),
                Term.MENTIONS + ".userIds must be user ids");
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
