package dev.switchboard.conversation;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one place memberships and read cursors change, each change logged with it: every service
 * of this module that adds or removes members or moves a cursor goes through here.
 */
@Component
class Memberships {
  private final Conversations conversations;
  private final ConversationChanges changes;
  private final Clock clock;

  Memberships(Conversations conversations, ConversationChanges changes, Clock clock) {
    this.conversations = conversations;
    this.changes = changes;
    this.clock = clock;
  }

  /** Adds the member and logs it; false (nothing logged) when he already was one. */
  boolean join(String tenantId, String conversationId, String userId, Instant at) {
    if (!conversations.addMember(tenantId, conversationId, userId, at)) {
      return false;
    }
    changes.joined(tenantId, conversationId, userId, at);
    return true;
  }

  /** Removes the member and logs why; false (nothing logged) when he was not one. */
  boolean leave(String tenantId, String conversationId, String userId, LeaveCause cause) {
    if (!conversations.removeMember(tenantId, conversationId, userId)) {
      return false;
    }
    changes.left(tenantId, conversationId, userId, cause, clock.instant());
    return true;
  }

  /** Moves the read cursor forward to {@code seq} and logs it; false when it did not move. */
  boolean markRead(String tenantId, String conversationId, String userId, long seq) {
    if (!conversations.markRead(tenantId, conversationId, userId, seq)) {
      return false;
    }
    changes.readMoved(tenantId, conversationId, userId, seq);
    return true;
  }
}
