package dev.switchboard.conversation;

/**
 * A member's read state in one conversation: his read cursor, the newest message that mentions
 * him, and how many messages from others lie beyond the cursor.
 */
public record ReadMarker(
    Conversation conversation, long lastReadSeq, long lastMentionedSeq, long unreadCount) {
  /** Whether a message he has not read yet mentions him. */
  public boolean mentioned() {
    return lastMentionedSeq > lastReadSeq;
  }
}
