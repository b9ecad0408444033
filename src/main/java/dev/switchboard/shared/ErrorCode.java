package dev.switchboard.shared;

/** Transport-neutral failure categories. Every dialect maps each one to its own status and body. */
public enum ErrorCode {
  INVALID_ARGUMENT,
  UNAUTHENTICATED,
  FORBIDDEN,
  NOT_FOUND,
  CONFLICT,
  INSUFFICIENT_CREDITS,
  RATE_LIMITED,
  PAYLOAD_TOO_LARGE,
  UNAVAILABLE,
  INTERNAL
}
