package dev.switchboard.shared;

import java.util.EnumMap;
import java.util.Map;

/**
 * A dialect's words for the core's {@link Term}s. Every term has a word: a vocabulary built
 * with {@link #of} falls back to {@link #NATIVE} for the terms its dialect has no field for.
 */
@FunctionalInterface
public interface Vocabulary {
  String word(Term term);

  /** Switchboard's own words: the native API's field names and nouns. */
  Vocabulary NATIVE =
      term ->
          switch (term) {
            case CONVERSATION -> "chat";
            case CONVERSATION_ID -> "conversationId";
            case RECIPIENT_ID -> "recipientId";
            case MESSAGE_TYPE -> "type";
            case TEXT -> "text";
            case DATA -> "data";
            case FILE -> "fileId";
            case PARENT_ID -> "parentId";
            case TAGS -> "tags";
            case METADATA -> "metadata";
            case MENTIONS -> "mentions";
            case CLIENT_KEY -> "clientKey";
            case IDEMPOTENCY_KEY -> "Idempotency-Key";
            case SMS_NUMBER -> "smsNumber";
          };

  /** A dialect's words; terms it does not name keep their native word. */
  static Vocabulary of(Map<Term, String> words) {
    Map<Term, String> copy = new EnumMap<>(Term.class);
    copy.putAll(words);
    return term -> copy.getOrDefault(term, NATIVE.word(term));
  }
}
