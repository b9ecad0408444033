package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;
import java.util.List;

/**
 * A session as one member sees it: the conversation, its session data, the members (user ids),
 * the newest message he can see (null when none) and whether he has read it.
 */
public record MessageSession(
    String domain,
    String userId,
    SessionRow row,
    Conversation conversation,
    List<String> members,
    SessionMessage lastMessage,
    boolean read) {
  public boolean group() {
    return row.channel() == SessionChannel.SMS
        ? row.remoteNumbers().size() > 1
        : members.size() > 2;
  }
}
