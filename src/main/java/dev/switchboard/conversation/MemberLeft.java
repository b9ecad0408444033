package dev.switchboard.conversation;

import java.time.Instant;

/**
 * Published inside the transaction that ends a membership. {@code cause} says how: the member
 * left, was removed by a moderator, or was banned.
 */
public record MemberLeft(
    String tenantId, String conversationId, String userId, Cause cause, Instant at) {
  public enum Cause {
    LEFT,
    REMOVED,
    BANNED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
