package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationMembers;
import dev.switchboard.conversation.Conversations.Sequences;
import dev.switchboard.conversation.DirectKey;
import dev.switchboard.conversation.Member;
import dev.switchboard.conversation.internal.JdbcChannelMembers;
import dev.switchboard.conversation.internal.JdbcConversations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link JdbcConversations}: memberships, titles, a user's chat list, the sequence counters under
 * concurrent writers, read cursors and the unread counts read model.
 */
interface ConversationRepositoryContract extends StorageContract {
  DataSource dataSource();

  @Test
  default void membersJoinOnceInOrderAndLeavingTakesTheirRolesAlong() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation g = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation h = rows().conversation(t, ConversationKind.GROUP, "c");

    assertThat(conversations.addMember(t, g.id(), "a", NOW)).isFalse();
    assertThat(conversations.addMember(t, g.id(), "c", NOW.plusSeconds(5))).isTrue();
    assertThat(conversations.members(t, g.id())).extracting(Member::userId).containsExactly("a", "b", "c");
    assertThat(conversations.member(t, g.id(), "c")).contains(new Member(g.id(), "c", 0, NOW.plusSeconds(5)));
    assertThat(conversations.members(other, g.id())).isEmpty();
    assertThat(conversations.member(other, g.id(), "a")).isEmpty();
    assertThat(conversations.members(t, List.of(g.id(), h.id())))
        .extracting(m -> m.conversationId() + ":" + m.userId())
        .containsExactlyInAnyOrder(g.id() + ":a", g.id() + ":b", g.id() + ":c", h.id() + ":c");
    assertThat(conversations.members(other, List.of(g.id(), h.id()))).isEmpty();

    var roles = new JdbcChannelMembers(jdbc());
    roles.addRole(t, g.id(), List.of("b"), "channel-moderator");
    assertThat(conversations.removeMember(other, g.id(), "b")).isFalse();
    assertThat(conversations.removeMember(t, g.id(), "b")).isTrue();
    assertThat(conversations.removeMember(t, g.id(), "b")).isFalse();
    assertThat(conversations.members(t, g.id())).extracting(Member::userId).containsExactly("a", "c");
    conversations.addMember(t, g.id(), "b", NOW.plusSeconds(9));
    assertThat(roles.members(t, g.id(), List.of("b"))).singleElement()
        .extracting(ChannelMember::roles).as("roles left with him").isEqualTo(List.of());
  }

  /** The access check of a history page and its members, from one statement. */
  @Test
  default void aConversationComesWithAllItsMembersInJoinOrderOrNotAtAll() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation g = rows().conversation(t, ConversationKind.GROUP, "b", "a");
    conversations.addMember(t, g.id(), "c", NOW.plusSeconds(5));
    conversations.markRead(t, g.id(), "a", 4);
    Conversation lonely = rows().conversation(t, ConversationKind.GROUP);

    ConversationMembers seen = conversations.withMembers(t, g.id()).orElseThrow();
    assertThat(seen.conversation()).isEqualTo(g);
    assertThat(seen.members()).as("the same members, in the same order, as members() reads")
        .isEqualTo(conversations.members(t, g.id()))
        .extracting(Member::userId).containsExactly("b", "a", "c");
    assertThat(seen.members()).filteredOn(m -> m.userId().equals("a")).singleElement()
        .extracting(Member::lastReadSeq).isEqualTo(4L);
    assertThat(seen.includes("c")).isTrue();
    assertThat(seen.includes("d")).isFalse();
    assertThat(conversations.withMembers(t, lonely.id())).as("no members: still the conversation")
        .contains(new ConversationMembers(lonely, List.of()));
    assertThat(conversations.withMembers(other, g.id())).as("another domain's").isEmpty();
    assertThat(conversations.withMembers(t, StorageRows.IDS.next())).isEmpty();
  }

  @Test
  default void aRenameOrATurnIntoAGroupChangesOnlyItsOwnDomainsConversation() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant();
    Conversation direct = rows().direct(t, "a", "b");

    conversations.rename(other, direct.id(), "stolen");
    conversations.toGroup(other, direct.id());
    assertThat(conversations.find(t, direct.id())).contains(direct);

    conversations.rename(t, direct.id(), "Project");
    conversations.toGroup(t, direct.id());
    assertThat(conversations.find(t, direct.id())).get()
        .satisfies(c -> assertThat(c.title()).isEqualTo("Project"))
        .satisfies(c -> assertThat(c.kind()).isEqualTo(ConversationKind.GROUP));
    String key = DirectKey.of("a", "b");
    assertThat(conversations.findDirect(t, key)).as("the pair key is free again").isEmpty();
    Conversation fresh = new Conversation(t, StorageRows.IDS.next(), ConversationKind.DIRECT, null, 0, NOW, NOW);
    assertThat(conversations.insert(fresh, key)).isTrue();
    assertThat(conversations.findDirect(t, key)).contains(fresh);
  }

  @Test
  default void aUsersConversationsComeMostRecentlyActiveFirstAPageAtATime() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation old = rows().conversation(t, ConversationKind.GROUP, "old", NOW.minusSeconds(60), "a");
    Conversation tieX = rows().conversation(t, ConversationKind.GROUP, "x", NOW, "a");
    Conversation tieY = rows().conversation(t, ConversationKind.GROUP, "y", NOW, "a", "b");
    Conversation notHis = rows().conversation(t, ConversationKind.GROUP, "z", NOW.plusSeconds(60), "b");
    rows().conversation(other, ConversationKind.GROUP, "w", NOW.plusSeconds(60), "a");
    Conversation revived = rows().conversation(t, ConversationKind.GROUP, "r", NOW.minusSeconds(90), "a");
    conversations.advance(t, revived.id(), NOW.plusSeconds(30));

    // Equal activity: the higher id first.
    String tieFirst = max(tieX.id(), tieY.id());
    String tieSecond = tieFirst.equals(tieX.id()) ? tieY.id() : tieX.id();
    assertThat(conversations.forUser(t, "a", 10, 0)).extracting(Conversation::id)
        .containsExactly(revived.id(), tieFirst, tieSecond, old.id());
    assertThat(conversations.forUser(t, "a", 2, 1)).extracting(Conversation::id)
        .containsExactly(tieFirst, tieSecond);
    assertThat(conversations.forUser(t, "a", 10, 4)).isEmpty();
    assertThat(conversations.countForUser(t, "a")).isEqualTo(4);
    assertThat(conversations.idsForUser(t, "a"))
        .containsExactlyInAnyOrder(revived.id(), tieY.id(), tieX.id(), old.id())
        .doesNotContain(notHis.id());
    assertThat(conversations.countForUser(other, "a")).isEqualTo(1);
  }

  private static String max(String a, String b) {
    return a.compareTo(b) > 0 ? a : b;
  }

  @Test
  default void takingASequenceMovesOnlyThatConversationsCountersAndRecordsItsActivity() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation beside = rows().conversation(t, ConversationKind.GROUP, "a");

    assertThat(conversations.nextChangeSeq(t, c.id())).isEqualTo(1);
    assertThat(conversations.find(t, c.id()).orElseThrow())
        .as("a change that is no message moves neither last_seq nor the activity")
        .isEqualTo(c);
    assertThat(conversations.advance(t, c.id(), NOW.plusSeconds(7))).isEqualTo(new Sequences(1, 2));
    assertThat(conversations.find(t, c.id()).orElseThrow())
        .satisfies(found -> assertThat(found.lastSeq()).isEqualTo(1))
        .satisfies(found -> assertThat(found.lastActivityAt()).isEqualTo(NOW.plusSeconds(7)));
    assertThat(conversations.advance(t, beside.id(), NOW)).isEqualTo(new Sequences(1, 1));
    assertThatThrownBy(() -> conversations.advance(t, StorageRows.IDS.next(), NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Writers of one conversation in as many transactions at once: no number is taken twice. */
  @Test
  default void concurrentWritersTakeDenseSequencesUnderTheRowLock() throws Exception {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    int writers = 4;
    int each = 10;
    List<Future<List<Sequences>>> taken = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int w = 0; w < writers; w++) {
        taken.add(pool.submit(() -> {
          List<Sequences> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            boolean message = i % 2 == 0;
            mine.addAll(transactions.execute(tx -> message
                ? List.of(conversations.advance(t, c.id(), NOW),
                    new Sequences(0, conversations.nextChangeSeq(t, c.id())))
                : List.of(new Sequences(0, conversations.nextChangeSeq(t, c.id())))));
          }
          return mine;
        }));
      }
    }
    List<Long> seqs = new ArrayList<>();
    List<Long> changes = new ArrayList<>();
    for (Future<List<Sequences>> f : taken) {
      for (Sequences s : f.get()) {
        if (s.seq() > 0) {
          seqs.add(s.seq());
        }
        changes.add(s.changeSeq());
      }
    }
    int messages = writers * each / 2;
    int others = writers * each - messages;
    assertThat(seqs).containsExactlyInAnyOrderElementsOf(range(messages));
    // A message takes a change number with its own, and its transaction one more.
    assertThat(changes).containsExactlyInAnyOrderElementsOf(range(2 * messages + others));
    assertThat(conversations.find(t, c.id()).orElseThrow().lastSeq()).isEqualTo(messages);
  }

  private static List<Long> range(int last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  @Test
  default void readCursorsOnlyMoveForwardAndOnlyForMembers() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");

    assertThat(conversations.markRead(t, c.id(), "a", 3)).isTrue();
    assertThat(conversations.markRead(t, c.id(), "a", 3)).isFalse();
    assertThat(conversations.markRead(t, c.id(), "a", 2)).isFalse();
    assertThat(conversations.markRead(t, c.id(), "b", 3)).as("not a member").isFalse();
    assertThat(conversations.markRead(other, c.id(), "a", 9)).isFalse();
    assertThat(conversations.member(t, c.id(), "a").orElseThrow().lastReadSeq()).isEqualTo(3);
  }

  @Test
  default void unreadCountsAreOthersMessagesAfterTheCursorInTheUsersOwnConversationsOnly() {
    var conversations = new JdbcConversations(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation first = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation second = rows().conversation(t, ConversationKind.GROUP, "a", "c");
    Conversation read = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    Conversation notHis = rows().conversation(t, ConversationKind.GROUP, "b", "c");
    rows().post(first, "b", "1");
    rows().post(first, "a", "2");
    rows().post(first, "b", "3");
    rows().post(second, "c", "1");
    rows().post(read, "b", "1");
    rows().post(notHis, "b", "1");
    conversations.markRead(t, read.id(), "a", 1);
    var ids = List.of(first.id(), second.id(), read.id(), notHis.id());

    assertThat(conversations.unreadCounts(t, "a", ids))
        .isEqualTo(Map.of(first.id(), 2L, second.id(), 1L));
    conversations.markRead(t, first.id(), "a", 1);
    assertThat(conversations.unreadCounts(t, "a", List.of(first.id()))).isEqualTo(Map.of(first.id(), 1L));
    assertThat(conversations.unreadCounts(t, "c", ids)).as("his own message is never unread for him")
        .isEqualTo(Map.of(notHis.id(), 1L));
    assertThat(conversations.unreadCounts(other, "a", ids)).isEmpty();
  }
}
