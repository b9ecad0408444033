package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcChannels;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.message.Message;
import dev.switchboard.messagesession.MessageKind;
import dev.switchboard.messagesession.SessionChannel;
import dev.switchboard.messagesession.SessionItem;
import dev.switchboard.messagesession.SessionRef;
import dev.switchboard.messagesession.SessionRow;
import dev.switchboard.messagesession.internal.JdbcMessageSessions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcMessageSessions} and its listing read model: session rows, the SMS session of a
 * number pair, a user's listing less what he hid, and the delivery status of session items.
 */
interface MessageSessionRepositoryContract extends StorageContract {
  private SessionRow sms(Conversation c, String ours, String... remote) {
    SessionRow row = new SessionRow(c.tenantId(), "s-" + IDS.next() + IDS.next(), c.id(),
        SessionChannel.SMS, ours, List.of(remote));
    new JdbcMessageSessions(jdbc()).insert(row);
    return row;
  }

  @Test
  default void aSessionRowIsOnePerIdAndPerConversationInItsDomain() {
    var sessions = new JdbcMessageSessions(jdbc());
    String t = rows().tenant("a");
    String other = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.SMS, "a");
    Conversation d = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation foreign = rows().conversation(other, ConversationKind.GROUP, "a");
    SessionRow row = sms(c, "+15550001", "+15550002", "+15550003");
    SessionRow chat = new SessionRow(t, "chat-" + IDS.next(), d.id(), SessionChannel.CHAT, null, null);

    assertThat(sessions.insert(new SessionRow(t, row.id(), d.id(), SessionChannel.CHAT, null, null)))
        .as("the id is taken").isFalse();
    assertThat(sessions.insert(new SessionRow(t, "another-" + IDS.next(), c.id(), SessionChannel.CHAT,
        null, null))).as("the conversation has a session").isFalse();
    assertThat(sessions.insert(chat)).isTrue();
    assertThat(sessions.insert(new SessionRow(other, row.id(), foreign.id(), SessionChannel.CHAT, null,
        null))).as("ids are per domain").isTrue();

    assertThat(sessions.find(t, row.id())).contains(row);
    assertThat(sessions.find(t, chat.id())).contains(chat);
    assertThat(sessions.find(other, row.id()).orElseThrow().conversationId()).isEqualTo(foreign.id());
    assertThat(sessions.byConversation(t, List.of(c.id(), d.id(), foreign.id())))
        .isEqualTo(Map.of(c.id(), row, d.id(), chat));
    assertThat(sessions.byConversation(t, List.of())).isEmpty();
    assertThat(sessions.byIdOrConversation(t, row.id())).containsExactly(row);
    assertThat(sessions.byIdOrConversation(t, d.id())).as("by its conversation").containsExactly(chat);
    assertThat(sessions.byIdOrConversation(other, d.id())).as("another domain").isEmpty();
    assertThat(sessions.byIdOrConversation(t, IDS.next())).isEmpty();
  }

  @Test
  default void theSmsSessionOfANumberPairIsTheUsersNewestWithExactlyThoseNumbers() {
    var sessions = new JdbcMessageSessions(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation older = rows().conversation(t, ConversationKind.SMS, "sms", NOW.minusSeconds(60), "a");
    Conversation newer = rows().conversation(t, ConversationKind.SMS, "sms", NOW, "a");
    Conversation group = rows().conversation(t, ConversationKind.SMS, "sms", NOW, "a");
    Conversation bobs = rows().conversation(t, ConversationKind.SMS, "sms", NOW.plusSeconds(60), "b");
    sms(older, "+15550001", "+15550002");
    SessionRow newest = sms(newer, "+15550001", "+15550002");
    sms(group, "+15550001", "+15550002", "+15550003");
    sms(bobs, "+15550001", "+15550002");
    sms(rows().conversation(other, ConversationKind.SMS, "a"), "+15550001", "+15550002");

    assertThat(sessions.findSms(t, "a", "+15550001", List.of("+15550002"))).contains(newest);
    assertThat(sessions.findSms(t, "a", "+15550001", List.of("+15550002", "+15550003")))
        .get().extracting(SessionRow::conversationId).isEqualTo(group.id());
    assertThat(sessions.findSms(t, "a", "+15550009", List.of("+15550002"))).isEmpty();
    assertThat(sessions.findSms(t, "a", "+15550001", List.of("+15550003"))).isEmpty();
    assertThat(sessions.findSms(other, "b", "+15550001", List.of("+15550002"))).isEmpty();
  }

  @Test
  default void aUsersListingIsMostRecentFirstLessHiddenAndDeletedSessions() {
    var sessions = new JdbcMessageSessions(jdbc());
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b");
    Conversation quiet = rows().conversation(t, ConversationKind.GROUP, "q", NOW.minusSeconds(60), "a", "b");
    Conversation busy = rows().conversation(t, ConversationKind.GROUP, "b", NOW.minusSeconds(90), "a");
    Conversation hidden = rows().conversation(t, ConversationKind.GROUP, "h", NOW.minusSeconds(30), "a");
    Conversation deleted = rows().conversation(t, ConversationKind.GROUP, "d", NOW, "a");
    rows().post(busy, "a", "1");
    rows().post(hidden, "a", "1");
    new JdbcChannels(jdbc()).markDeleted(t, deleted.id(), NOW);
    conversations.markRead(t, busy.id(), "a", 1);
    sessions.hide(t, hidden.id(), "a", 1);
    sessions.hide(t, hidden.id(), "a", 0);

    assertThat(sessions.list(t, "a", 10, 0)).extracting(r -> r.conversation().id(), SessionRef::lastReadSeq)
        .containsExactly(tuple(busy.id(), 1L),
            tuple(quiet.id(), 0L));
    assertThat(sessions.list(t, "a", 1, 1)).extracting(r -> r.conversation().id()).containsExactly(quiet.id());
    assertThat(sessions.list(t, null, 10, 0)).extracting(r -> r.conversation().id() + ":" + r.userId())
        .containsExactly(busy.id() + ":a", quiet.id() + ":a", quiet.id() + ":b");
    assertThat(sessions.ref(t, hidden.id(), "a").orElseThrow().hiddenThroughSeq())
        .as("hiding raises, never lowers").isEqualTo(1);
    assertThat(sessions.ref(t, deleted.id(), "a")).isEmpty();
    assertThat(sessions.ref(t, busy.id(), "b")).as("not a member").isEmpty();
    assertThat(sessions.ref(rows().tenant("a"), quiet.id(), "a")).isEmpty();

    rows().post(hidden, "a", "a later message brings it back");
    assertThat(sessions.list(t, "a", 10, 0)).extracting(r -> r.conversation().id())
        .containsExactlyInAnyOrder(hidden.id(), busy.id(), quiet.id());
    assertThat(sessions.list(t, "b", 10, 0)).extracting(r -> r.conversation().id())
        .containsExactly(quiet.id());
  }

  @Test
  default void anItemsDeliveryStatusMovesUntilItFails() {
    var sessions = new JdbcMessageSessions(jdbc());
    String t = rows().tenant("a");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.SMS, "a");
    Message m = rows().post(c, "a", "hello");
    Message n = rows().post(c, "a", "inbound");
    var sent = new SessionItem(t, m.id(), c.id(), MessageKind.SMS, SessionItem.TERM, "+15550001",
        List.of("+15550002", "+15550003"), null);
    var received = new SessionItem(t, n.id(), c.id(), MessageKind.MMS, SessionItem.ORIG, "+15550002",
        List.of(), "received");
    sessions.insertItem(sent);
    sessions.insertItem(received);
    assertThat(sessions.item(t, m.id())).contains(sent);
    assertThat(sessions.items(t, List.of(m.id(), n.id()))).isEqualTo(Map.of(m.id(), sent, n.id(), received));
    assertThat(sessions.items(other, List.of(m.id()))).isEmpty();
    assertThat(sessions.items(t, List.of())).isEmpty();

    assertThat(sessions.updateStatus(other, m.id(), "sent")).isFalse();
    assertThat(sessions.updateStatus(t, m.id(), "sent")).isTrue();
    assertThat(sessions.updateStatus(t, m.id(), "sent")).as("nothing changed").isFalse();
    assertThat(sessions.updateStatus(t, m.id(), "failed")).isTrue();
    assertThat(sessions.updateStatus(t, m.id(), "delivered")).as("failed sticks").isFalse();
    assertThat(sessions.item(t, m.id()).orElseThrow().status()).isEqualTo("failed");
    assertThat(sessions.item(other, m.id())).isEmpty();
  }
}
