package dev.switchboard.shared;

/**
 * Why a failure was raised, when a dialect distinguishes it (Amity answers each refusal of a
 * channel with its own code). Dialects that do not care render the plain {@link ErrorCode}.
 */
public enum ErrorReason {
  /** The caller is not a member of the conversation, or lacks the permission it needs. */
  NOT_MEMBER,
  /** The caller is muted in the conversation. */
  USER_MUTED,
  /** The whole conversation is muted. */
  CONVERSATION_MUTED,
  /** The caller is banned from the conversation. */
  USER_BANNED,
  /** A {@link ErrorCode#CONFLICT}: the first request with the same idempotency key is still running. */
  REQUEST_IN_PROGRESS
}
