package dev.switchboard.message;

import java.time.Instant;

/** One user's reaction {@code name} on a message; at most one per (user, name, message). */
public record Reaction(
    String tenantId, String id, String messageId, String userId, String name, Instant createdAt) {
  public static final int MAX_NAME = 100;
}
