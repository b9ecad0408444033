package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.internal.JdbcChangeLog;
import dev.switchboard.realtime.ChangeFeed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code JdbcChangeLog}: a conversation's changes by position, retention that cuts whole
 * prefixes and remembers how far, erasure that keeps every position, and the dashboard count.
 */
interface FeedRepositoryContract extends StorageContract {
  JsonMapper JSON = JsonMapper.builder().build();
  /** Only this contract writes changes this old, so compaction here cuts nobody else's log. */
  Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  private JdbcChangeLog log() {
    return new JdbcChangeLog(jdbc(), JSON);
  }

  private static ChangeEvent event(String name, String subjectId) {
    return new ChangeEvent(name, subjectId, Map.of("n", name));
  }

  @Test
  default void changesAreReadBackInOrderAfterAPositionWithinTheirDomain() {
    var log = log();
    String t = rows().tenant("a");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation beside = rows().conversation(t, ConversationKind.GROUP, "a");
    assertThat(log.lastChangeSeq(t, c.id())).isZero();

    Change joined = log.append(t, c.id(), 1, event("member.joined", "a"), NOW);
    for (long seq = 2; seq <= 5; seq++) {
      log.append(t, c.id(), seq, event("message.created", null), NOW.plusSeconds(seq));
    }
    log.append(t, beside.id(), 1, event("message.created", null), NOW);

    assertThat(joined).isEqualTo(new Change(t, c.id(), 1, "member.joined", "a", "{\"n\":\"member.joined\"}", NOW));
    assertThat(log.after(t, c.id(), 0, 100)).hasSize(5).first().isEqualTo(joined);
    assertThat(log.after(t, c.id(), 2, 2)).extracting(Change::changeSeq).containsExactly(3L, 4L);
    assertThat(log.after(t, c.id(), 5, 100)).isEmpty();
    assertThat(log.after(other, c.id(), 0, 100)).isEmpty();
    assertThat(log.lastChangeSeq(t, c.id())).isEqualTo(5);
    assertThat(log.lastChangeSeq(other, c.id())).isZero();
    assertThat(log.compactedThrough(t, c.id())).isZero();
    assertThatThrownBy(() -> log.append(t, c.id(), 3, event("message.created", null), NOW))
        .as("one change per position").isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  default void retentionCutsWholePrefixesAndRemembersHowFar() {
    var log = log();
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation gone = rows().conversation(t, ConversationKind.GROUP, "a");
    // Creation times need not follow positions: 2 is younger than 3.
    log.append(t, c.id(), 1, event("e", null), minute(0));
    log.append(t, c.id(), 2, event("e", null), minute(5));
    log.append(t, c.id(), 3, event("e", null), minute(1));
    log.append(t, c.id(), 4, event("e", null), minute(9));
    log.append(t, c.id(), 5, event("e", null), NOW);
    log.append(t, gone.id(), 1, event("e", null), minute(0));
    log.append(t, gone.id(), 2, event("e", null), minute(0));

    assertThat(log.compactOlderThan(minute(2))).isGreaterThanOrEqualTo(5);
    assertThat(log.compactedThrough(t, c.id())).isEqualTo(3);
    assertThat(log.after(t, c.id(), 0, 100)).extracting(Change::changeSeq).containsExactly(4L, 5L);
    assertThat(log.lastChangeSeq(t, c.id())).isEqualTo(5);
    assertThat(log.after(t, gone.id(), 0, 100)).isEmpty();
    assertThat(log.lastChangeSeq(t, gone.id())).as("a log cut to nothing keeps its position").isEqualTo(2);

    log.compactOlderThan(minute(2));
    assertThat(log.compactedThrough(t, c.id())).isEqualTo(3);
    log.compactOlderThan(minute(10));
    assertThat(log.compactedThrough(t, c.id())).isEqualTo(4);
    assertThat(log.after(t, c.id(), 0, 100)).extracting(Change::changeSeq).containsExactly(5L);
    log.append(t, c.id(), 6, event("e", null), NOW);
    assertThat(log.after(t, c.id(), 4, 100)).extracting(Change::changeSeq).containsExactly(5L, 6L);
  }

  @Test
  default void aConnectionStartsBeforeTheOldestChangeLoggedSinceItOpenedWithinTheReorderingWindow() {
    var log = log();
    var feed = new ChangeFeed(log, null);
    String t = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Instant opened = NOW.minusSeconds(10);
    for (long seq = 1; seq <= 97; seq++) {
      log.append(t, c.id(), seq, event("message.created", null), opened.minusSeconds(1000 - seq));
    }
    // Logged since the connection opened; 99 took its time before 98 did.
    log.append(t, c.id(), 98, event("message.created", null), opened.plusMillis(5));
    log.append(t, c.id(), 99, event("message.created", null), opened);
    log.append(t, c.id(), 100, event("message.created", null), opened.plusMillis(10));

    assertThat(feed.startFor(t, c.id(), 100, opened)).as("98 and 99 may still be on their way").isEqualTo(97);
    assertThat(feed.startFor(t, c.id(), 99, opened)).isEqualTo(97);
    assertThat(feed.startFor(t, c.id(), 97, opened)).as("nothing logged since: from the notice, never skipped (ADR 0028)").isEqualTo(96);
    assertThat(feed.startFor(t, c.id(), 100, opened.plusSeconds(1))).isEqualTo(99);
    assertThat(feed.startFor(t, c.id(), 100, opened.minusSeconds(2000)))
        .as("no further back than the window").isEqualTo(100 - ChangeFeed.REORDERING - 1);
    assertThat(feed.startFor(rows().tenant(), c.id(), 100, opened)).as("another domain's log").isEqualTo(99);
    assertThat(feed.startFor(t, c.id(), 1, opened)).as("a first change has nothing before it").isZero();
  }

  private static Instant minute(int n) {
    return EPOCH.plusSeconds(60L * n);
  }

  @Test
  default void erasureBlanksOneSendersMessageChangesAndKeepsEveryPosition() {
    var log = log();
    String t = rows().tenant("alice", "bob");
    String other = rows().tenant("alice");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "alice", "bob");
    Conversation untouched = rows().conversation(t, ConversationKind.GROUP, "alice");
    Conversation foreign = rows().conversation(other, ConversationKind.GROUP, "alice");
    log.append(t, c.id(), 1, new ChangeEvent("member.joined", "alice", Map.of("userId", "alice")), NOW);
    log.append(t, c.id(), 2, message("message.created", "alice", "secret", Map.of("fileId", "file-1",
        "data", Map.of("plan", "secret"), "metadata", Map.of("where", "here"),
        "tags", List.of("private"), "mentions", List.of(Map.of("type", "user", "userIds", List.of("bob"))),
        "clientKey", "LOCAL_1")), NOW);
    // Bob's message names alice deeper in its payload: the text matches, the sender does not.
    log.append(t, c.id(), 3, message("message.created", "bob", "thanks",
        Map.of("creditTransfer", Map.of("senderId", "alice"))), NOW);
    log.append(t, c.id(), 4, message("message.updated", "alice", "edited", Map.of()), NOW);
    log.append(t, untouched.id(), 1, message("message.created", "alice", "kept", Map.of()), NOW);
    log.append(other, foreign.id(), 1, message("message.created", "alice", "kept", Map.of()), NOW);

    assertThat(log.eraseSender(t, List.of(c.id(), foreign.id()), "alice")).isEqualTo(2);
    List<Change> after = log.after(t, c.id(), 0, 100);
    assertThat(after).extracting(Change::changeSeq, Change::event).containsExactly(
        tuple(1L, "member.joined"),
        tuple(2L, "message.created"),
        tuple(3L, "message.created"),
        tuple(4L, "message.updated"));
    assertThat(message(after.get(1))).containsEntry("content", null).containsEntry("fileId", null)
        .containsEntry("data", null).containsEntry("metadata", null)
        .containsEntry("tags", List.of()).containsEntry("mentions", List.of())
        .containsEntry("senderId", "alice").containsEntry("seq", 7);
    assertThat(after.get(1).payload()).doesNotContain("secret").doesNotContain("here")
        .doesNotContain("private");
    assertThat(message(after.get(2))).as("only the sender's own messages")
        .containsEntry("content", "thanks");
    assertThat(message(after.get(3))).containsEntry("content", null).doesNotContainKey("fileId");
    assertThat(after.get(0).payload()).isEqualTo("{\"userId\":\"alice\"}");
    assertThat(message(log.after(t, untouched.id(), 0, 1).getFirst())).containsEntry("content", "kept");
    assertThat(message(log.after(other, foreign.id(), 0, 1).getFirst())).containsEntry("content", "kept");
    assertThat(log.eraseSender(t, List.of(), "alice")).isZero();
  }

  private static ChangeEvent message(
      String name, String sender, String content, Map<String, Object> more) {
    Map<String, Object> message = new HashMap<>(more);
    message.put("id", IDS.next());
    message.put("seq", 7);
    message.put("senderId", sender);
    message.put("content", content);
    return ChangeEvent.of(name, Map.of("message", message));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> message(Change change) {
    return (Map<String, Object>) JSON.readValue(change.payload(), Map.class).get("message");
  }

  @Test
  default void theDashboardCountsOneEventAcrossDomainsSinceAMoment() {
    var log = log();
    String t = rows().tenant("a");
    String other = rows().tenant("a");
    String counted = "probe." + IDS.next();
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation d = rows().conversation(other, ConversationKind.GROUP, "a");
    log.append(t, c.id(), 1, event(counted, null), NOW);
    log.append(other, d.id(), 1, event(counted, null), NOW.plusSeconds(1));
    log.append(t, c.id(), 2, event(counted, null), NOW.minusSeconds(3600));
    log.append(t, c.id(), 3, event("probe.other", null), NOW);

    assertThat(log.countSince(counted, NOW)).isEqualTo(2);
    assertThat(log.countSince(counted, NOW.minusSeconds(3600))).isEqualTo(3);
    assertThat(log.countSince(counted, NOW.plusSeconds(2))).isZero();
  }

  /**
   * The catch-up read of a node whose bus is away: per conversation changed in the window its
   * newest change, plus every membership change of the window; older changes and other windows
   * stay out.
   */
  @Test
  default void headsSinceAMomentAreEachConversationsNewestChangeAndItsMembershipChanges() {
    var log = log();
    String t = rows().tenant("a");
    String other = rows().tenant("a");
    Conversation c = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation quiet = rows().conversation(t, ConversationKind.GROUP, "a");
    Conversation d = rows().conversation(other, ConversationKind.GROUP, "a");
    Instant since = NOW.plusSeconds(7200);
    log.append(t, c.id(), 1, event("member.joined", "a"), since.minusSeconds(60));
    log.append(t, c.id(), 2, event("message.created", null), since.minusSeconds(30));
    log.append(t, c.id(), 3, event("member.joined", "b"), since);
    log.append(t, c.id(), 4, event("message.created", null), since.plusSeconds(1));
    log.append(t, c.id(), 5, event("message.created", null), since.plusSeconds(2));
    log.append(t, quiet.id(), 1, event("message.created", null), since.minusSeconds(1));
    log.append(other, d.id(), 1, event("member.joined", "z"), since.plusSeconds(1));

    List<Change> heads = log.headsSince(since).stream()
        .filter(h -> h.tenantId().equals(t) || h.tenantId().equals(other))
        .toList();
    assertThat(heads)
        .extracting(Change::tenantId, Change::conversationId, Change::changeSeq, Change::event)
        .containsExactlyInAnyOrder(
            tuple(t, c.id(), 3L, "member.joined"),
            tuple(t, c.id(), 5L, "message.created"),
            tuple(other, d.id(), 1L, "member.joined"));
    assertThat(heads.stream().filter(h -> h.tenantId().equals(t)).map(Change::changeSeq))
        .as("in log order").containsExactly(3L, 5L);
    assertThat(log.headsSince(since.plusSeconds(3)).stream()
        .filter(h -> h.tenantId().equals(t) || h.tenantId().equals(other))).isEmpty();
  }
}
