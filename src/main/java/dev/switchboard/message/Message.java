package dev.switchboard.message;

import java.time.Instant;

/**
 * A message. {@code seq} is its position in the conversation (1, 2, 3… without gaps); {@code
 * clientId} the sender's idempotency key, if he gave one; {@code credit} is set only for
 * credit-transfer messages; {@code fileId} only for media messages (image, video, audio, file),
 * whose {@code content} is an optional caption.
 */
public record Message(
    String tenantId,
    String id,
    String conversationId,
    long seq,
    String senderId,
    MessageType type,
    String content,
    String clientId,
    CreditNote credit,
    String fileId,
    Instant createdAt,
    Instant updatedAt) {}
