package dev.switchboard.session;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.message.Message;
import dev.switchboard.message.Messages;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Assembles what members see of their sessions, a handful of queries for a whole page. */
@Component
class SessionViews {
  private final MessageSessions sessions;
  private final Conversations conversations;
  private final Messages messages;

  SessionViews(MessageSessions sessions, Conversations conversations, Messages messages) {
    this.sessions = sessions;
    this.conversations = conversations;
    this.messages = messages;
  }

  List<MessageSession> assemble(String tenantId, String domain, List<SessionRef> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    List<String> ids = refs.stream().map(r -> r.conversation().id()).distinct().toList();
    Map<String, SessionRow> rows = sessions.byConversation(tenantId, ids);
    Map<String, List<String>> members =
        conversations.members(tenantId, ids).stream()
            .collect(
                Collectors.groupingBy(
                    Member::conversationId,
                    Collectors.mapping(Member::userId, Collectors.toList())));
    Map<String, Message> latest =
        messages.latest(tenantId, ids).stream()
            .collect(Collectors.toMap(Message::conversationId, Function.identity()));
    Map<String, SessionItem> items =
        sessions.items(tenantId, latest.values().stream().map(Message::id).toList());
    return refs.stream()
        .map(
            ref -> {
              String id = ref.conversation().id();
              Message last = latest.get(id);
              boolean visible = last != null && last.seq() > ref.hiddenThroughSeq();
              SessionMessage lastMessage =
                  visible ? new SessionMessage(last, items.get(last.id())) : null;
              boolean read =
                  !visible
                      || ref.lastReadSeq() >= last.seq()
                      || last.senderId().equals(ref.userId());
              return new MessageSession(
                  domain,
                  ref.userId(),
                  rows.getOrDefault(id, SessionRow.implicit(tenantId, id)),
                  ref.conversation(),
                  members.getOrDefault(id, List.of()),
                  lastMessage,
                  read);
            })
        .toList();
  }

  List<SessionMessage> withItems(String tenantId, List<Message> list) {
    Map<String, SessionItem> items =
        sessions.items(tenantId, list.stream().map(Message::id).toList());
    return list.stream().map(m -> new SessionMessage(m, items.get(m.id()))).toList();
  }
}
