package dev.switchboard.message;

/** A reaction was added or removed; {@code conversationId} is the message's conversation. */
public record ReactionChanged(String conversationId, Reaction reaction, boolean added) {}
