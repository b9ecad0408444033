package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Member;
import java.util.List;

/** A page of a conversation's messages (newest first), its members, and the message count. */
public record ChatHistory(
    Conversation conversation, List<Member> members, List<Message> messages, long total) {

  /**
   * Who has read a message: the members other than its sender whose read cursor has reached it.
   * Derived from cursors, so marking a chat read updates every earlier message at once.
   */
  public List<String> readBy(Message message) {
    return readBy(members, message);
  }

  public static List<String> readBy(List<Member> members, Message message) {
    return members.stream()
        .filter(m -> !m.userId().equals(message.senderId()) && m.hasRead(message.seq()))
        .map(Member::userId)
        .toList();
  }
}
