package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.message.Message;
import dev.switchboard.message.Messages;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Assembles what members see of their sessions, a handful of queries for a whole page. */
@Component
class SessionViews {
  private final MessageSessions sessions;
  private final Conversations conversations;
  private final Messages messages;
  private final FileService files;

  SessionViews(
      MessageSessions sessions, Conversations conversations, Messages messages, FileService files) {
    this.sessions = sessions;
    this.conversations = conversations;
    this.messages = messages;
    this.files = files;
  }

  /** {@code viewer} null (domain-wide listings): files are not looked up. */
  List<MessageSession> assemble(
      String tenantId, String domain, List<SessionRef> refs, Actor viewer) {
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
    Map<String, StoredFile> media = filesOf(viewer, latest.values());
    return refs.stream()
        .map(
            ref -> {
              String id = ref.conversation().id();
              Message last = latest.get(id);
              boolean visible = last != null && last.seq() > ref.hiddenThroughSeq();
              SessionMessage lastMessage =
                  visible
                      ? new SessionMessage(last, items.get(last.id()), fileOf(media, last))
                      : null;
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

  /** The user ids of the conversation's members, in the order {@link #assemble} gives them. */
  List<String> memberIds(String tenantId, String conversationId) {
    return conversations.members(tenantId, List.of(conversationId)).stream()
        .map(Member::userId)
        .toList();
  }

  List<SessionMessage> withItems(Actor viewer, List<Message> list) {
    Map<String, SessionItem> items =
        sessions.items(viewer.tenantId(), list.stream().map(Message::id).toList());
    Map<String, StoredFile> media = filesOf(viewer, list);
    return list.stream()
        .map(m -> new SessionMessage(m, items.get(m.id()), fileOf(media, m)))
        .toList();
  }

  private static StoredFile fileOf(Map<String, StoredFile> media, Message message) {
    return message.fileId() == null ? null : media.get(message.fileId());
  }

  private Map<String, StoredFile> filesOf(Actor viewer, Collection<Message> list) {
    List<String> ids = list.stream().map(Message::fileId).filter(Objects::nonNull).toList();
    return viewer == null || ids.isEmpty() ? Map.of() : files.describeAll(viewer, ids);
  }
}
