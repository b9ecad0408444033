package dev.switchboard.api.netsapiens;

import dev.switchboard.api.netsapiens.NsViews.MessageView;
import dev.switchboard.api.netsapiens.NsViews.SessionView;
import dev.switchboard.message.Message;
import dev.switchboard.messagesession.MessageSession;
import dev.switchboard.messagesession.SessionChannel;
import dev.switchboard.messagesession.SessionItem;
import dev.switchboard.messagesession.SessionMessage;
import dev.switchboard.messagesession.SessionRow;
import java.util.List;
import java.util.stream.Collectors;

/** Core sessions and messages to the NetSapiens objects. */
final class NsMapper {
  /** Where sessions are served from; NetSapiens names a node, we name the service. */
  static final String HOSTNAME = "switchboard";

  private NsMapper() {}

  static SessionView session(MessageSession s) {
    SessionRow row = s.row();
    boolean sms = row.channel() == SessionChannel.SMS;
    String domain = s.domain();
    List<String> others = s.members().stream().filter(m -> !m.equals(s.userId())).toList();
    String remote =
        sms
            ? row.remoteNumbers().stream().map(NsFormat::digits).collect(Collectors.joining(","))
            : others.stream().map(u -> NsFormat.uid(u, domain)).collect(Collectors.joining(","));
    SessionMessage last = s.lastMessage();
    String type = sms ? (s.group() ? "group-sms" : "") : (s.group() ? "group-chat" : "");
    return new SessionView(
        s.userId(),
        domain,
        row.id(),
        remote,
        sms ? NsFormat.digits(row.smsNumber()) : "",
        NsFormat.timestamp(s.conversation().lastActivityAt()),
        NsFormat.timestamp(s.conversation().createdAt()),
        last == null ? "" : text(last.message()),
        last == null ? "" : sender(last, domain),
        s.read() ? "read" : "unread",
        "no",
        null,
        HOSTNAME,
        null,
        null,
        null,
        null,
        last == null ? "" : last.kind().wireName(),
        last == null || last.file() == null ? "" : last.file().mimeType(),
        last == null || last.file() == null ? 0 : last.file().size(),
        type,
        s.conversation().title() == null ? "" : s.conversation().title(),
        s.members().stream().map(u -> NsFormat.uid(u, domain)).collect(Collectors.joining(",")),
        NsFormat.dateTime(s.conversation().lastActivityAt()),
        NsFormat.dateTime(s.conversation().createdAt()),
        null,
        null);
  }

  static MessageView message(
      SessionMessage sm, String domain, String sessionId, List<String> members) {
    Message m = sm.message();
    SessionItem item = sm.item();
    boolean sms = item != null && (item.direction().equals(SessionItem.TERM)
        || item.direction().equals(SessionItem.ORIG));
    boolean inbound = item != null && item.direction().equals(SessionItem.ORIG);
    String terminatingUsers =
        inbound
            ? members.stream().map(u -> NsFormat.uid(u, domain)).collect(Collectors.joining(","))
            : members.stream()
                .filter(u -> !u.equals(m.senderId()))
                .map(u -> NsFormat.uid(u, domain))
                .collect(Collectors.joining(","));
    return new MessageView(
        m.id(),
        NsFormat.timestamp(m.createdAt()),
        sm.kind().wireName(),
        domain,
        item == null ? "" : item.direction(),
        sms && !inbound ? numbers(item.toNumbers()) : "",
        text(m),
        item == null || item.status() == null ? "" : item.status(),
        HOSTNAME,
        sms ? NsFormat.digits(item.fromNumber()) : "",
        inbound ? null : NsFormat.uid(m.senderId(), domain),
        null,
        "",
        sms && !inbound ? "" : terminatingUsers,
        sms ? numbers(item.toNumbers()) : "",
        sessionId,
        null,
        sm.file() == null ? "" : sm.file().mimeType(),
        sm.file() == null ? 0 : sm.file().size(),
        members.size() > 2 ? members.stream().map(u -> NsFormat.uid(u, domain))
            .collect(Collectors.joining(",")) : null,
        deleted(m) ? NsFormat.timestamp(m.updatedAt()) : "",
        deleted(m) ? NsFormat.dateTime(m.updatedAt()) : null);
  }

  /** Soft-deleted by another dialect (Amity): NetSapiens shows when, and no text. */
  private static boolean deleted(Message m) {
    return m.details() != null && m.details().deleted();
  }

  private static String numbers(List<String> numbers) {
    return numbers.stream().map(NsFormat::digits).collect(Collectors.joining(","));
  }

  /** Credit transfers, deleted and other text-less messages read as an empty text. */
  private static String text(Message m) {
    return m.content() == null || deleted(m) ? "" : m.content();
  }

  private static String sender(SessionMessage last, String domain) {
    SessionItem item = last.item();
    if (item != null && item.direction().equals(SessionItem.ORIG)) {
      return NsFormat.digits(last.message().senderId());
    }
    return NsFormat.uid(last.message().senderId(), domain);
  }
}
