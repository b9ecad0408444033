package dev.switchboard.conversation;

import java.time.Instant;

/**
 * A conversation of one domain. {@code lastSeq} is the sequence number of its newest message:
 * messages are numbered 1, 2, 3… without gaps, so it is also the message count.
 */
public record Conversation(
    String tenantId,
    String id,
    ConversationKind kind,
    String title,
    long lastSeq,
    Instant lastActivityAt,
    Instant createdAt) {}
