package dev.switchboard.message;

/**
 * The outcome of a post: the message, whether it was an idempotent replay of an earlier one, and
 * the public key of the conversation it went into (a channel's key, else its id), as the post
 * resolved it; null for a replay, which resolves nothing.
 */
public record PostedMessage(Message message, boolean replayed, String conversationKey) {}
