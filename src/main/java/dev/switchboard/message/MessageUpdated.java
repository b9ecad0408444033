package dev.switchboard.message;

/**
 * A message changed after posting: edited, flagged, unflagged or flags cleared. Published in the
 * changing transaction with the message as it now is.
 */
public record MessageUpdated(Message message) {}
