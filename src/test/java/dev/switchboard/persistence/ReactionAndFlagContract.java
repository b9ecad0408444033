package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.message.Message;
import dev.switchboard.message.Reaction;
import dev.switchboard.message.internal.JdbcMessageFlags;
import dev.switchboard.message.internal.JdbcMessageReactions;
import dev.switchboard.message.internal.JdbcMessages;
import dev.switchboard.message.internal.JdbcOperatorMessages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The message module's other tables: reactions ({@code JdbcMessageReactions}), flags ({@code
 * JdbcMessageFlags}) and the operator's reads of them ({@code JdbcOperatorMessages}).
 */
interface ReactionAndFlagContract extends StorageContract {
  private Reaction react(Message m, String userId, String name, Instant at) {
    return new Reaction(m.tenantId(), IDS.next(), m.id(), userId, name, at);
  }

  @Test
  default void aUserReactsOnceWithANameAndCountsKeepTheOrderOfFirstUse() {
    var reactions = new JdbcMessageReactions(jdbc());
    String t = rows().tenant("a", "b");
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b");
    Message m = rows().post(c, "a", "one");
    Message n = rows().post(c, "a", "two");
    Reaction first = react(m, "a", "zebra", NOW);
    assertThat(reactions.add(first)).isTrue();
    assertThat(reactions.add(react(m, "a", "zebra", NOW))).as("once per user and name").isFalse();
    assertThat(reactions.add(react(m, "b", "apple", NOW))).isTrue();
    assertThat(reactions.add(react(m, "b", "zebra", NOW))).isTrue();
    assertThat(reactions.add(react(n, "b", "apple", NOW))).isTrue();

    assertThat(reactions.find(t, m.id(), "a", "zebra")).contains(first);
    assertThat(reactions.find(t, m.id(), "a", "apple")).isEmpty();
    assertThat(reactions.find(rows().tenant(), m.id(), "a", "zebra")).isEmpty();
    Map<String, Map<String, Long>> counts = reactions.counts(t, List.of(m.id(), n.id()));
    assertThat(counts.get(m.id())).containsExactly(Map.entry("zebra", 2L), Map.entry("apple", 1L));
    assertThat(counts.get(n.id())).containsExactly(Map.entry("apple", 1L));
    assertThat(reactions.counts(t, List.of())).isEmpty();
    assertThat(reactions.counts(rows().tenant(), List.of(m.id()))).isEmpty();
    assertThat(reactions.namesOf(t, List.of(m.id(), n.id()), "b"))
        .isEqualTo(Map.of(m.id(), List.of("apple", "zebra"), n.id(), List.of("apple")));
    assertThat(reactions.namesOf(t, List.of(), "b")).isEmpty();

    reactions.remove(rows().tenant(), first.id());
    assertThat(reactions.find(t, m.id(), "a", "zebra")).isPresent();
    reactions.remove(t, first.id());
    assertThat(reactions.find(t, m.id(), "a", "zebra")).isEmpty();
    assertThat(reactions.counts(t, List.of(m.id())).get(m.id()))
        .containsExactly(Map.entry("apple", 1L), Map.entry("zebra", 1L));
  }

  @Test
  default void reactionsAreListedOldestFirstByNameAfterACursor() {
    var reactions = new JdbcMessageReactions(jdbc());
    String t = rows().tenant("a", "b", "c");
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Message m = rows().post(c, "a", "one");
    List<Reaction> added = List.of(react(m, "a", "like", NOW), react(m, "b", "love", NOW),
        react(m, "c", "like", NOW), react(m, "b", "like", NOW));
    added.forEach(reactions::add);

    assertThat(reactions.list(t, m.id(), null, null, 10)).containsExactlyElementsOf(added);
    assertThat(reactions.list(t, m.id(), null, null, 2)).containsExactly(added.get(0), added.get(1));
    assertThat(reactions.list(t, m.id(), null, added.get(1).id(), 10))
        .containsExactly(added.get(2), added.get(3));
    assertThat(reactions.list(t, m.id(), "like", null, 10))
        .containsExactly(added.get(0), added.get(2), added.get(3));
    assertThat(reactions.list(t, m.id(), "like", added.get(0).id(), 1)).containsExactly(added.get(2));
    assertThat(reactions.list(rows().tenant(), m.id(), null, null, 10)).isEmpty();
  }

  @Test
  default void aUserFlagsAMessageOnceAndFlagsAreClearedPerMessage() {
    var flags = new JdbcMessageFlags(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Message m = rows().post(c, "a", "one");
    Message n = rows().post(c, "a", "two");

    assertThat(flags.add(t, m.id(), "c", NOW)).isTrue();
    assertThat(flags.add(t, m.id(), "b", NOW.plusSeconds(1))).isTrue();
    assertThat(flags.add(t, m.id(), "c", NOW.plusSeconds(2))).isFalse();
    assertThat(flags.add(t, n.id(), "a", NOW)).isTrue();
    assertThat(flags.flaggers(t, List.of(m.id(), n.id())))
        .isEqualTo(Map.of(m.id(), List.of("c", "b"), n.id(), List.of("a")));
    assertThat(flags.flaggers(other, List.of(m.id()))).isEmpty();
    assertThat(flags.flaggers(t, List.of())).isEmpty();

    assertThat(flags.remove(other, m.id(), "c")).isFalse();
    assertThat(flags.remove(t, m.id(), "c")).isTrue();
    assertThat(flags.remove(t, m.id(), "c")).isFalse();
    flags.clear(other, n.id());
    assertThat(flags.flaggers(t, List.of(n.id()))).containsKey(n.id());
    flags.clear(t, m.id());
    assertThat(flags.flaggers(t, List.of(m.id(), n.id()))).isEqualTo(Map.of(n.id(), List.of("a")));
  }

  @Test
  default void theOperatorSeesFlaggedUndeletedMessagesMostFlaggedFirst() {
    var operator = new JdbcOperatorMessages(jdbc());
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Message once = flagged(rows().post(c, "a", "once"), 1);
    Message twice = flagged(rows().post(c, "b", "twice"), 2);
    Message alsoOnce = flagged(rows().post(c, "a", "also once"), 1);
    Message deleted = flagged(rows().post(c, "a", "deleted"), 3);
    messages.update(deleted.with(null, deleted.details().erased(NOW), NOW));
    rows().post(c, "a", "never flagged");
    flagged(rows().post(rows().conversation(other, ConversationKind.GROUP, "a"), "a", "x"), 5);

    // Equal flags and times: the higher id first.
    List<String> ones = java.util.stream.Stream.of(once.id(), alsoOnce.id())
        .sorted(java.util.Comparator.reverseOrder()).toList();
    assertThat(operator.flagged(t, 10, 0)).extracting(Message::id)
        .containsExactly(twice.id(), ones.get(0), ones.get(1));
    assertThat(operator.flagged(t, 1, 1)).extracting(Message::id).containsExactly(ones.get(0));
    assertThat(operator.countFlagged(t)).isEqualTo(3);
  }

  private Message flagged(Message m, int by) {
    var flags = new JdbcMessageFlags(jdbc());
    for (int i = 0; i < by; i++) {
      flags.add(m.tenantId(), m.id(), List.of("a", "b", "c").get(i % 3) + (i < 3 ? "" : i), NOW);
    }
    new JdbcMessages(jdbc()).setFlagCount(m.tenantId(), m.id(), by);
    return m;
  }

  @Test
  default void aSendersUndeletedMessagesAndConversationsAreFoundForErasure() {
    var operator = new JdbcOperatorMessages(jdbc());
    var messages = new JdbcMessages(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation d = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation quiet = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Message m1 = rows().post(c, "a", "1");
    Message m2 = rows().post(d, "a", "2");
    Message gone = rows().post(c, "a", "3");
    Message m4 = rows().post(c, "a", "4");
    rows().post(quiet, "b", "not a's");
    rows().post(rows().conversation(other, ConversationKind.GROUP, "a"), "a", "elsewhere");
    messages.update(gone.with(null, gone.details().erased(NOW), NOW));
    List<String> ids = java.util.stream.Stream.of(m1.id(), m2.id(), m4.id()).sorted().toList();

    assertThat(operator.undeletedBy(t, "a", null, 10)).containsExactlyElementsOf(ids);
    assertThat(operator.undeletedBy(t, "a", null, 2)).containsExactly(ids.get(0), ids.get(1));
    assertThat(operator.undeletedBy(t, "a", ids.get(1), 10)).containsExactly(ids.get(2));
    assertThat(operator.conversationsOf(t, "a")).containsExactlyInAnyOrder(c.id(), d.id());
    assertThat(operator.conversationsOf(t, "nobody")).isEmpty();
  }
}
