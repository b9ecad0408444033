package dev.switchboard.conversation;

import dev.switchboard.shared.Violations;

/**
 * An operator's search of one domain's conversations: those {@code member} belongs to, of one
 * {@code kind}, whose id, channel id or title contains {@code text} (each optional).
 */
public record ConversationSearch(String member, ConversationKind kind, String text) {
  public ConversationSearch {
    new Violations().maxLength("member", member, 64).maxLength("q", text, 100).throwIfAny();
  }
}
