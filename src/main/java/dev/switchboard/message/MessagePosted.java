package dev.switchboard.message;

/**
 * A message was written (not replayed) by the one send path; published inside its transaction,
 * so listeners that count after commit ({@code @TransactionalEventListener}) see only messages
 * that exist.
 */
public record MessagePosted(Message message) {}
