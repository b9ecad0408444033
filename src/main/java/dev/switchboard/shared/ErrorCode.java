package dev.switchboard.shared;

/** Transport-neutral failure categories. Every dialect maps each one to its own status and body. */
public enum ErrorCode {
  INVALID_ARGUMENT,
  UNAUTHENTICATED,
  FORBIDDEN,
  NOT_FOUND,
  CONFLICT,
  /** What was asked for existed but is gone (e.g. compacted history): start over. */
  RESYNC_REQUIRED,
  INSUFFICIENT_CREDITS,
  RATE_LIMITED,
  PAYLOAD_TOO_LARGE,
  UNAVAILABLE,
  INTERNAL
}
