package dev.switchboard.message;

/** A message was soft-deleted (by its author, a moderator, or the flag limit). */
public record MessageDeleted(Message message) {}
