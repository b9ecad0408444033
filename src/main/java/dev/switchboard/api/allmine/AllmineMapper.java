package dev.switchboard.api.allmine;

import dev.switchboard.api.allmine.AllmineDtos.ChatView;
import dev.switchboard.api.allmine.AllmineDtos.CreditTransferView;
import dev.switchboard.api.allmine.AllmineDtos.MediaView;
import dev.switchboard.api.allmine.AllmineDtos.AllmineMessageView;
import dev.switchboard.api.allmine.AllmineDtos.Participant;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.conversation.ChatSummary;
import dev.switchboard.conversation.Member;
import dev.switchboard.message.ChatHistory;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.Message;
import dev.switchboard.user.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Core objects to Allmine's wire shapes. */
final class AllmineMapper {
  private AllmineMapper() {}

  static AllmineMessageView message(
      Message message, List<Member> members, Map<String, MediaView> media) {
    CreditNote credit = message.credit();
    return new AllmineMessageView(
        message.id(),
        message.conversationId(),
        message.senderId(),
        message.type().wireName(),
        content(message, credit),
        message.fileId() == null ? null : media.get(message.fileId()),
        credit == null
            ? null
            : new CreditTransferView(credit.amount(), credit.recipientId(), credit.senderId()),
        ChatHistory.readBy(members, message),
        Timestamps.iso(message.createdAt()),
        Timestamps.iso(message.updatedAt()));
  }

  /**
   * Seed 000 shows {@code content} as a string on every message; a credit transfer carries no
   * text of its own, so it says what happened ("Sent 25 credits").
   */
  private static String content(Message message, CreditNote credit) {
    if (message.content() != null || credit == null) {
      return message.content();
    }
    return "Sent " + credit.amount() + (credit.amount() == 1 ? " credit" : " credits");
  }

  /**
   * {@code username} is the display name (the user id when none is set). Profile photos and
   * presence are not tracked yet, so those fields are null rather than invented.
   */
  static Participant participant(String userId, Map<String, User> users) {
    User user = users.get(userId);
    String name = user == null || user.displayName() == null ? userId : user.displayName();
    return new Participant(userId, name, null, null);
  }

  static List<Participant> participants(List<Member> members, Map<String, User> users) {
    return members.stream().map(m -> participant(m.userId(), users)).toList();
  }

  static ChatView chat(
      ChatSummary summary, Message last, Map<String, User> users, Map<String, MediaView> media) {
    var c = summary.conversation();
    return new ChatView(
        c.id(),
        c.kind().name().toLowerCase(Locale.ROOT),
        c.title(),
        participants(summary.members(), users),
        last == null ? null : message(last, summary.members(), media),
        summary.unreadCount(),
        Timestamps.iso(c.createdAt()),
        Timestamps.iso(c.lastActivityAt()));
  }
}
