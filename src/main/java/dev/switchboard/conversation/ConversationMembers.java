package dev.switchboard.conversation;

import java.util.List;

/**
 * A conversation with all its members and their read cursors, read in one statement: the access
 * check of a history page and the members it shows (who read what, the participants) at once.
 */
public record ConversationMembers(Conversation conversation, List<Member> members) {
  public ConversationMembers {
    members = List.copyOf(members);
  }

  /** Whether the user is one of the members. */
  public boolean includes(String userId) {
    for (Member member : members) {
      if (member.userId().equals(userId)) {
        return true;
      }
    }
    return false;
  }
}
