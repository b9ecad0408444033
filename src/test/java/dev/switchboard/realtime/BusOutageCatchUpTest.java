package dev.switchboard.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.RealtimeBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change log standing in for the bus: nothing read while the bus is connected; while it is
 * away, windows that start before the bus was last seen connected (less the overlap), and each
 * head handed to the faces once however often it is read again.
 */
class BusOutageCatchUpTest {
  private static final Instant START = Instant.parse("2026-12-05T00:00:00Z");
  private static final Duration OVERLAP = Duration.ofSeconds(30);

  private final ChangeLog changeLog = mock(ChangeLog.class);
  private final List<BusEvent> handed = new ArrayList<>();
  private boolean connected = true;
  private Instant now = START;
  private final RealtimeBus bus =
      new RealtimeBus() {
        @Override
        public void publish(BusEvent event) {}

        @Override
        public void subscribe(dev.switchboard.realtime.bus.BusListener listener) {}

        @Override
        public boolean connected() {
          return connected;
        }
      };
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final BusOutageCatchUp catchUp = catchUp();

  private BusOutageCatchUp catchUp() {
    Faces faces = new Faces(bus);
    faces.add(handed::add);
    RealtimeProperties properties =
        new RealtimeProperties(null, null, null, 0, null, null, Duration.ofHours(1), OVERLAP, null);
    return new BusOutageCatchUp(
        changeLog, faces, bus, clock, properties, JsonMapper.builder().build(), new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    catchUp.close();
  }

  private static Change change(String conversationId, long seq) {
    return new Change("t1", conversationId, seq, "message.created", null, "{}", START);
  }

  private List<Long> handedSeqs() {
    return handed.stream()
        .flatMap(e -> ((BusEvent.Changes) e).notices().stream())
        .map(BusEvent.ChangeNotice::changeSeq)
        .toList();
  }

  @Test
  void readsNothingWhileTheBusIsConnected() {
    catchUp.tick();
    verify(changeLog, never()).headsSince(any());
    assertThat(handed).isEmpty();
  }

  @Test
  void whileTheBusIsAwayHandsEachHeadOnceFromBeforeTheBusWasLastSeen() {
    now = START.plusSeconds(10);
    catchUp.tick(); // connected: remembered as the last time seen
    connected = false;
    now = START.plusSeconds(11);
    Instant firstFrom = START.plusSeconds(10).minus(OVERLAP);
    when(changeLog.headsSince(firstFrom)).thenReturn(List.of(change("c1", 4), change("c2", 9)));
    catchUp.tick();
    assertThat(handedSeqs()).containsExactly(4L, 9L);

    // The next window starts at the previous read less the overlap; c1 moved on, c2 did not.
    now = START.plusSeconds(12);
    when(changeLog.headsSince(START.plusSeconds(11).minus(OVERLAP)))
        .thenReturn(List.of(change("c1", 6), change("c2", 9)));
    catchUp.tick();
    assertThat(handedSeqs()).containsExactly(4L, 9L, 6L);

    // A conversation's membership changes come with its head, in no particular order: each is
    // handed over, oldest first.
    now = START.plusSeconds(12).plusMillis(500);
    when(changeLog.headsSince(START.plusSeconds(12).minus(OVERLAP)))
        .thenReturn(List.of(change("c3", 2), change("c3", 3), change("c3", 1)));
    catchUp.tick();
    assertThat(handedSeqs()).containsExactly(4L, 9L, 6L, 1L, 2L, 3L);

    // Back: nothing read any more.
    connected = true;
    now = START.plusSeconds(13);
    catchUp.tick();
    verify(changeLog, never()).headsSince(START.plusSeconds(12).plusMillis(500).minus(OVERLAP));
  }
}
