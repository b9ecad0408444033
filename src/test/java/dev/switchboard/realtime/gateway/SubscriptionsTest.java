package dev.switchboard.realtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.feed.Change;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.bus.BusEvent.ChangeNotice;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Per-connection ordering: drop repeats, fill gaps from the log, catch up after an outage. */
class SubscriptionsTest {
  private static final String CHAT = "64d15f9e2e6c8f4d5a123456";
  private static final Instant OPENED = Instant.parse("2026-01-01T00:00:00Z");
  /** The gateway's clock: every live notice below was logged 40 ms before it. */
  private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JsonMapper json = JsonMapper.builder().build();
  private final ChangeFeed feed = mock(ChangeFeed.class);
  private final Connection connection = mock(Connection.class);
  private final List<Long> sent = new ArrayList<>();
  private Subscriptions subscriptions;

  @BeforeEach
  void wire() {
    when(connection.actor()).thenReturn(new Actor("t1", "d", "bob", Scope.BASIC_USER));
    when(connection.isOpen()).thenReturn(true);
    doAnswer(call -> {
      JsonNode frame = json.readTree((String) call.getArgument(0));
      if (frame.has("changeSeq")) {
        sent.add(frame.get("changeSeq").asLong());
      }
      return null;
    }).when(connection).send(anyString());
    subscriptions = new Subscriptions(connection, feed, json, new Frames(json), id -> {},
        new RealtimeMeters(registry, Clock.fixed(NOW, ZoneOffset.UTC)), OPENED);
  }

  private ChangeNotice notice(long seq) {
    return new ChangeNotice("t1", CHAT, seq, "message.created", null,
        "{\"type\":\"change\",\"conversationId\":\"" + CHAT + "\",\"changeSeq\":" + seq + "}",
        NOW.minusMillis(40));
  }

  private static Change change(long seq) {
    return new Change("t1", CHAT, seq, "message.created", null, "{}", Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void repeatsAreDroppedAndGapsAreFilledFromTheLogInOrder() {
    when(feed.read("t1", CHAT, 1L, 500)).thenReturn(new ChangeFeed.Page(List.of(change(2), change(3), change(4)), false));
    subscriptions.deliver(notice(1));
    subscriptions.deliver(notice(1));
    subscriptions.deliver(notice(4)); // 2 and 3 were missed: replayed first, 4 with them
    subscriptions.deliver(notice(3));
    subscriptions.deliver(notice(5));
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aFirstNoticeThatOvertookAnEarlierCommitSinceTheConnectionOpenedLosesNeither() {
    when(feed.startFor("t1", CHAT, 5L, OPENED)).thenReturn(3L);
    when(feed.read("t1", CHAT, 3L, 500)).thenReturn(new ChangeFeed.Page(List.of(change(4), change(5)), false));
    subscriptions.deliver(notice(5));
    subscriptions.deliver(notice(4)); // its notice came last: already sent from the log
    subscriptions.deliver(notice(6));
    assertThat(sent).containsExactly(4L, 5L, 6L);
  }

  @Test
  void afterABusOutageEveryFollowedConversationCatchesUpFromItsPosition() {
    subscriptions.deliver(notice(1));
    when(feed.read(eq("t1"), eq(CHAT), eq(1L), eq(500)))
        .thenReturn(new ChangeFeed.Page(List.of(change(2), change(3)), true));
    when(feed.read(eq("t1"), eq(CHAT), eq(3L), eq(500)))
        .thenReturn(new ChangeFeed.Page(List.of(change(4)), false));
    subscriptions.catchUpAll();
    subscriptions.deliver(notice(4));
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void theDeliveryLagCountsLiveFramesFromTheirLogEntryAndNotReplayedOnes() {
    when(feed.read("t1", CHAT, 1L, 500))
        .thenReturn(new ChangeFeed.Page(List.of(change(2), change(3), change(4)), false));
    subscriptions.deliver(notice(1));
    subscriptions.deliver(notice(4)); // 2, 3 and 4 come from the log: frames, but no lag of theirs
    subscriptions.deliver(notice(4)); // a repeat: no frame, no lag
    subscriptions.deliver(notice(5));

    Timer lag = registry.get("switchboard.realtime.delivery.lag").tag("face", "websocket").timer();
    assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(80.0);
    assertThat(registry.get("switchboard.realtime.frames").tag("source", "log").counter().count())
        .isEqualTo(3.0);
  }
}
