package dev.switchboard.conversation;

import java.time.Instant;

/** A user's membership of a conversation with his read cursor (highest sequence read). */
public record Member(String conversationId, String userId, long lastReadSeq, Instant joinedAt) {
  public boolean hasRead(long seq) {
    return lastReadSeq >= seq;
  }
}
