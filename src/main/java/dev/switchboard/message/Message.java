package dev.switchboard.message;

import java.time.Instant;

/**
 * A message. {@code seq} is its position in the conversation (1, 2, 3… without gaps); {@code
 * clientKey} the sender's idempotency key, if he gave one; {@code credit} is set only for
 * credit-transfer messages; {@code fileId} only for media messages (image, video, audio, file),
 * whose {@code content} is an optional caption; {@code details} holds threads, tags, edits and
 * moderation state.
 */
public record Message(
    String tenantId,
    String id,
    String conversationId,
    long seq,
    String senderId,
    MessageType type,
    String content,
    String clientKey,
    CreditNote credit,
    String fileId,
    Instant createdAt,
    Instant updatedAt,
    MessageDetails details) {

  /** A plain message (no thread, tags, edits or moderation state yet). */
  public Message(
      String tenantId,
      String id,
      String conversationId,
      long seq,
      String senderId,
      MessageType type,
      String content,
      String clientKey,
      CreditNote credit,
      String fileId,
      Instant createdAt,
      Instant updatedAt) {
    this(tenantId, id, conversationId, seq, senderId, type, content, clientKey, credit, fileId,
        createdAt, updatedAt, MessageDetails.NONE);
  }

  public Message {
    details = details == null ? MessageDetails.NONE : details;
  }

  public boolean deleted() {
    return details.deleted();
  }

  public Message with(String newContent, MessageDetails newDetails, Instant at) {
    return new Message(tenantId, id, conversationId, seq, senderId, type, newContent, clientKey,
        credit, fileId, createdAt, at, newDetails);
  }
}
