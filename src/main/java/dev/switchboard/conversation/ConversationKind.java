package dev.switchboard.conversation;

public enum ConversationKind {
  /** Exactly two members; at most one per pair of users. */
  DIRECT,
  /** Any number of members. */
  GROUP
}
