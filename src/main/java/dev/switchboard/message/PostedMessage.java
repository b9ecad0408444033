package dev.switchboard.message;

/** The outcome of a post: the message, and whether it was an idempotent replay of an earlier one. */
public record PostedMessage(Message message, boolean replayed) {}
