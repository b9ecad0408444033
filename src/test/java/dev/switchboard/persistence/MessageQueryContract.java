package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.internal.JdbcMessages;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcMessages.query}: every filter of {@link MessageQuery}, alone and together, the
 * sequence slice from either end, within one conversation of one domain.
 */
interface MessageQueryContract extends StorageContract {
  /** The six messages of one conversation, numbered 1 to 6, and what tells them apart. */
  record Thread(Conversation c, List<Message> m) {
    long[] seqs(int... positions) {
      return java.util.Arrays.stream(positions).mapToLong(p -> m.get(p - 1).seq()).toArray();
    }
  }

  private Thread thread() {
    String t = rows().tenant("a", "b");
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b");
    Message m1 = rows().post(c, "a", MessageType.TEXT, "1", details(null, "news", "sport"));
    // Nothing stops a message from carrying a tag twice.
    Message m2 = rows().post(c, "b", MessageType.IMAGE, "2", details(null, "news", "news"));
    Message m3 = rows().post(c, "a", MessageType.TEXT, "3", details(m1.id()));
    Message m4 = rows().post(c, "b", MessageType.CUSTOM, "4", details(null));
    Message m5 = rows().post(c, "a", MessageType.TEXT, "5", details(m1.id(), "news"));
    Message m6 = rows().post(c, "a", MessageType.TEXT, "6", details(null, "sport"));
    var messages = new JdbcMessages(jdbc());
    messages.setFlagCount(t, m4.id(), 2);
    messages.update(m5.with(null, m5.details().erased(Instant.now()), Instant.now()));
    // The same tag on a message of another conversation of the domain.
    rows().post(rows().conversation(t, ConversationKind.GROUP, "a"), "a", MessageType.TEXT, "x",
        details(null, "news"));
    return new Thread(c, List.of(m1, m2, m3, m4, m5, m6));
  }

  private static MessageDetails details(String parentId, String... tags) {
    return new MessageDetails(null, parentId, List.of(tags), null, List.of(), 0, 0, null, false, null);
  }

  private static MessageQuery filter(Thread th, MessageType type, String parentId, boolean topLevelOnly,
      Boolean hasFlag, Boolean deleted, List<String> tags, List<String> excludeTags) {
    return new MessageQuery(th.c().id(), type, parentId, topLevelOnly, hasFlag, deleted, tags,
        excludeTags, null, null, 100, false);
  }

  private static MessageQuery all(Thread th) {
    return filter(th, null, null, false, null, null, List.of(), List.of());
  }

  private long[] run(Thread th, MessageQuery q) {
    return new JdbcMessages(jdbc()).query(th.c().tenantId(), q).stream().mapToLong(Message::seq).toArray();
  }

  @Test
  default void withoutFiltersEveryMessageComesInSequenceOrderWithItsTags() {
    Thread th = thread();
    List<Message> found = new JdbcMessages(jdbc()).query(th.c().tenantId(), all(th));
    assertThat(found).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(found.getFirst().details().tags()).containsExactly("news", "sport");
    assertThat(found.get(4).details().tags()).as("a deleted message keeps no tags").isEmpty();
    assertThat(new JdbcMessages(jdbc()).query(rows().tenant(), all(th))).isEmpty();
  }

  @Test
  default void typeThreadAndTopLevelFiltersNarrowTheConversation() {
    Thread th = thread();
    assertThat(run(th, filter(th, MessageType.TEXT, null, false, null, null, List.of(), List.of())))
        .containsExactly(th.seqs(1, 3, 5, 6));
    assertThat(run(th, filter(th, null, th.m().getFirst().id(), false, null, null, List.of(), List.of())))
        .containsExactly(th.seqs(3, 5));
    assertThat(run(th, filter(th, null, null, true, null, null, List.of(), List.of())))
        .containsExactly(th.seqs(1, 2, 4, 6));
    assertThat(run(th, filter(th, MessageType.TEXT, null, true, null, null, List.of("sport"), List.of())))
        .containsExactly(th.seqs(1, 6));
  }

  @Test
  default void flagAndDeletionFiltersAreThreeValued() {
    Thread th = thread();
    assertThat(run(th, filter(th, null, null, false, true, null, List.of(), List.of())))
        .containsExactly(th.seqs(4));
    assertThat(run(th, filter(th, null, null, false, false, null, List.of(), List.of())))
        .containsExactly(th.seqs(1, 2, 3, 5, 6));
    assertThat(run(th, filter(th, null, null, false, null, true, List.of(), List.of())))
        .containsExactly(th.seqs(5));
    assertThat(run(th, filter(th, null, null, false, null, false, List.of(), List.of())))
        .containsExactly(th.seqs(1, 2, 3, 4, 6));
  }

  @Test
  default void aMessageMustCarryEveryTagAskedForAndNoneExcluded() {
    Thread th = thread();
    assertThat(run(th, filter(th, null, null, false, null, null, List.of("news"), List.of())))
        .containsExactly(th.seqs(1, 2));
    assertThat(run(th, filter(th, null, null, false, null, null, List.of("news", "sport"), List.of())))
        .containsExactly(th.seqs(1));
    assertThat(run(th, filter(th, null, null, false, null, null, List.of("news", "news"), List.of())))
        .as("a tag asked for twice counts once").containsExactly(th.seqs(1, 2));
    assertThat(run(th, filter(th, null, null, false, null, null, List.of("news", "none"), List.of())))
        .isEmpty();
    assertThat(run(th, filter(th, null, null, false, null, null, List.of(), List.of("sport"))))
        .containsExactly(th.seqs(2, 3, 4, 5));
    assertThat(run(th, filter(th, null, null, false, null, null, List.of("news"), List.of("sport"))))
        .containsExactly(th.seqs(2));
  }

  @Test
  default void theSliceIsBoundedOnBothSidesAndTakenFromEitherEndInAscendingOrder() {
    Thread th = thread();
    MessageQuery q = all(th);
    assertThat(run(th, q.slice(2L, 5L, 100, false))).containsExactly(th.seqs(3, 4));
    assertThat(run(th, q.slice(null, null, 2, false))).containsExactly(th.seqs(1, 2));
    assertThat(run(th, q.slice(null, null, 2, true))).containsExactly(th.seqs(5, 6));
    assertThat(run(th, q.slice(null, 5L, 2, true))).containsExactly(th.seqs(3, 4));
    assertThat(run(th, q.slice(4L, null, 2, false))).containsExactly(th.seqs(5, 6));
    assertThat(run(th, q.slice(6L, null, 2, false))).isEmpty();
    MessageQuery top = filter(th, null, null, true, null, null, List.of(), List.of());
    assertThat(run(th, top.slice(null, 6L, 2, true))).as("the limit counts matching messages only")
        .containsExactly(th.seqs(2, 4));
  }
}
