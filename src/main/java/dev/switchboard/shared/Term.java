package dev.switchboard.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name the core uses and each dialect spells in its own words: the request fields of the one
 * message command (the conversation's id is Allmine's {@code chatId}, Amity's {@code channelId},
 * NetSapiens' {@code messagesession}) and the nouns its errors use (a "chat", a "channel"). Core
 * texts refer to a term as {@code {NAME}}, e.g. {@code "{TEXT} must not be blank"}; a dialect
 * renders them through its {@link Vocabulary}, so no wire name lives in the core.
 */
public enum Term {
  /** The noun for a conversation. */
  CONVERSATION,
  /** The field that names the conversation to post into. */
  CONVERSATION_ID,
  /** The field that names the other user of a direct conversation. */
  RECIPIENT_ID,
  /** The field with the message's type. */
  MESSAGE_TYPE,
  /** The field with the message's text. */
  TEXT,
  /** The field with a message's structured payload. */
  DATA,
  /** The field that names (or carries) a message's file. */
  FILE,
  /** The field that names a thread's parent message. */
  PARENT_ID,
  /** The field with a message's tags. */
  TAGS,
  /** The field with a message's free-form metadata. */
  METADATA,
  /** The field with a message's mentions. */
  MENTIONS,
  /**
   * A message's key chosen by its client (Amity's {@code messageId}): a resent message with the
   * same key is the same message.
   */
  CLIENT_KEY,
  /** The key that makes a retried request idempotent (the {@code Idempotency-Key} header). */
  IDEMPOTENCY_KEY,
  /** The field with the phone number an SMS is sent from. */
  SMS_NUMBER;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z_]+)}");

  /** Replaces each {@code {NAME}} of a known term by the vocabulary's word for it. */
  public static String render(String template, Vocabulary vocabulary) {
    if (template == null || template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group();
      for (Term term : values()) {
        if (term.name().equals(m.group(1))) {
          word = vocabulary.word(term);
          break;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(word));
    }
    return m.appendTail(out).toString();
  }

  /** The placeholder for this term in a core text. */
  @Override
  public String toString() {
    return "{" + name() + "}";
  }
}
