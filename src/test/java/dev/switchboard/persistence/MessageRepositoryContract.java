package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.message.ClientKeyTaken;
import dev.switchboard.message.LatestReaction;
import dev.switchboard.message.Mention;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.internal.JdbcMessages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * {@code JdbcMessages} beyond its query: every detail round-trips, edits leave the counters alone,
 * counters move only their message, public ids resolve as Amity clients expect, and the latest
 * messages read model.
 */
interface MessageRepositoryContract extends StorageContract {
  private Message insert(Conversation c, String sender, String clientKey, MessageDetails details) {
    long seq = new JdbcConversations(jdbc()).advance(c.tenantId(), c.id(), NOW).seq();
    Message m = new Message(c.tenantId(), IDS.next(), c.id(), seq, sender, MessageType.IMAGE,
        "caption", clientKey, null, IDS.next(), NOW, NOW, details);
    new JdbcMessages(jdbc()).insert(m);
    return m;
  }

  @Test
  default void everyDetailRoundTripsAndAnEditLeavesTheCountersAlone() {
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Message parent = rows().post(c, "a", "parent");
    var mentions = List.of(new Mention(Mention.Type.USER, List.of("b", "c")),
        new Mention(Mention.Type.CHANNEL, List.of()));
    Message reply = insert(c, "b", "key-1", new MessageDetails("{\"x\":1}", parent.id(),
        List.of("zeta", "alpha"), "{\"m\":true}", mentions, 0, 0, null, false, null));
    assertThat(messages.lock(t, reply.id())).as("tags keep their order").contains(reply);

    messages.incrementChildren(t, parent.id());
    messages.incrementChildren(t, parent.id());
    messages.incrementChildren(other, parent.id());
    messages.setFlagCount(t, reply.id(), 3);
    messages.setFlagCount(other, reply.id(), 9);
    var latest = new LatestReaction(IDS.next(), "like", "c", true, NOW.plusSeconds(1));
    messages.setLatestReaction(t, reply.id(), latest);
    messages.setLatestReaction(other, reply.id(), new LatestReaction(IDS.next(), "x", "y", false, NOW));
    assertThat(messages.lock(t, parent.id()).orElseThrow().details().childrenCount()).isEqualTo(2);

    Message edited = reply.with("new caption", reply.details().edited("{\"x\":2}", List.of("beta"),
        null, List.of(), NOW.plusSeconds(2)), NOW.plusSeconds(2));
    messages.update(edited);
    Message stored = messages.lock(t, reply.id()).orElseThrow();
    assertThat(stored.content()).isEqualTo("new caption");
    assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(stored.details()).isEqualTo(new MessageDetails("{\"x\":2}", parent.id(), List.of("beta"),
        null, List.of(), 0, 3, NOW.plusSeconds(2), false, latest));
    assertThat(stored.clientKey()).isEqualTo("key-1");
    assertThat(stored.fileId()).isEqualTo(reply.fileId());
    assertThat(messages.lock(other, reply.id())).isEmpty();
    assertThat(messages.lock(t, IDS.next())).isEmpty();
  }

  private int tagCount(Message m) {
    return jdbc().sql("SELECT tag_count FROM messages WHERE tenant_id = ? AND id = ?")
        .params(m.tenantId(), m.id()).query(Integer.class).single();
  }

  /** The row's tag count is what lets a page skip message_tags: it follows every write. */
  @Test
  default void eachRowCountsItsTagsThroughEveryEditAndPagesMixTaggedAndUntagged() {
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Message plain = rows().post(c, "a", "plain");
    Message tagged = insert(c, "a", null, new MessageDetails(null, null, List.of("x", "y"), null,
        List.of(), 0, 0, null, false, null));
    assertThat(tagCount(plain)).isZero();
    assertThat(tagCount(tagged)).isEqualTo(2);
    assertThat(messages.range(t, c.id(), 0, 10)).containsExactly(tagged, plain);

    Message retagged = tagged.with("c", tagged.details().edited(null, List.of("z"), null,
        List.of(), NOW.plusSeconds(1)), NOW.plusSeconds(1));
    messages.update(retagged);
    assertThat(tagCount(retagged)).isEqualTo(1);
    Message untagged = retagged.with("c", retagged.details().edited(null, List.of(), null,
        List.of(), NOW.plusSeconds(2)), NOW.plusSeconds(2));
    messages.update(untagged);
    assertThat(tagCount(untagged)).isZero();
    Message taggedLater = plain.with("p", plain.details().edited(null, List.of("late"), null,
        List.of(), NOW.plusSeconds(3)), NOW.plusSeconds(3));
    messages.update(taggedLater);
    assertThat(messages.range(t, c.id(), 0, 10)).containsExactly(untagged, taggedLater);
    assertThat(messages.latest(t, List.of(c.id()))).containsExactly(untagged);
  }

  @Test
  default void aTakenClientKeyIsReportedAndATakenSequenceIsNot() {
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Message first = insert(c, "a", "k", MessageDetails.NONE);
    Message sameSeq = new Message(t, IDS.next(), c.id(), first.seq(), "a", MessageType.TEXT, "x",
        null, null, null, NOW, NOW);
    assertThatThrownBy(() -> messages.insert(sameSeq)).isInstanceOf(DuplicateKeyException.class)
        .isNotInstanceOf(ClientKeyTaken.class);
    Message sameKey = new Message(t, IDS.next(), c.id(), first.seq() + 1, "a", MessageType.TEXT, "x",
        "k", null, null, NOW, NOW);
    assertThatThrownBy(() -> messages.insert(sameKey)).isInstanceOf(ClientKeyTaken.class);
    assertThat(messages.findByClientKey(t, "a", "k")).contains(first);
    assertThat(messages.findByClientKey(t, "b", "k")).isEmpty();
    assertThat(messages.findByClientKey(rows().tenant(), "a", "k")).isEmpty();
  }

  @Test
  default void aPublicIdIsTheMessageIdElseTheCallersOwnClientKeyElseTheOldest() {
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a", "b", "c");
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Message byA = insert(c, "a", "shared-key", MessageDetails.NONE);
    Message byB = insert(c, "b", "shared-key", MessageDetails.NONE);
    Message plain = rows().post(c, "c", "plain");
    Message lookalike = insert(c, "c", plain.id(), MessageDetails.NONE);

    assertThat(messages.findByPublicId(t, plain.id(), "c")).as("an id wins over a client key")
        .contains(plain);
    assertThat(messages.findByPublicId(t, "shared-key", "b")).contains(byB);
    assertThat(messages.findByPublicId(t, "shared-key", "a")).contains(byA);
    assertThat(messages.findByPublicId(t, "shared-key", "c")).as("the oldest").contains(byA);
    assertThat(messages.findByPublicId(t, lookalike.id(), "a")).contains(lookalike);
    assertThat(messages.findByPublicId(t, "nothing", "a")).isEmpty();
    assertThat(messages.findByPublicId(rows().tenant(), byA.id(), "a")).isEmpty();
  }

  @Test
  default void rangesAndTheLatestMessagesStayInTheirConversationAndDomain() {
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation d = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation empty = rows().conversation(t, ConversationKind.GROUP, "a");
    rows().post(c, "a", "c1");
    Message newestC = rows().post(c, "a", MessageType.TEXT, "c2", new MessageDetails(null, null,
        List.of("t1"), null, List.of(), 0, 0, null, false, null));
    Message onlyD = rows().post(d, "a", "d1");

    assertThat(messages.latest(t, List.of(c.id(), d.id(), empty.id())))
        .containsExactlyInAnyOrder(newestC, onlyD);
    assertThat(messages.latest(other, List.of(c.id(), d.id()))).isEmpty();
    assertThat(messages.range(t, c.id(), 0, 10)).extracting(Message::content).containsExactly("c2", "c1");
    assertThat(messages.range(t, c.id(), 1, 1)).isEmpty();
    assertThat(messages.range(t, d.id(), 0, 10)).containsExactly(onlyD);
  }
}
