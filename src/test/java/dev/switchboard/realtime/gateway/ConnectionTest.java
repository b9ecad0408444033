package dev.switchboard.realtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

class ConnectionTest {
  private final List<CloseStatus> serverCloses = new ArrayList<>();

  private final MutableClock clock = new MutableClock();

  private Connection connection(WebSocketSession session, int queueSize, ExecutorService executor) {
    return connection(session, new Connection.Bounds(queueSize, Long.MAX_VALUE, 5_000), executor);
  }

  private Connection connection(WebSocketSession session, Connection.Bounds limits, ExecutorService executor) {
    return new Connection(session, limits, clock, executor, c -> null, serverCloses::add);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends java.time.Clock {
    private volatile java.time.Instant now = java.time.Instant.parse("2026-12-05T00:00:00Z");

    void advance(java.time.Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  /** A session whose first write blocks until released, as to a client that stopped reading. */
  private static WebSocketSession stuckSession(CountDownLatch release, CountDownLatch writing)
      throws Exception {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.getId()).thenReturn("stuck");
    when(session.isOpen()).thenReturn(true);
    doAnswer(call -> {
      writing.countDown();
      release.await(10, TimeUnit.SECONDS);
      return null;
    }).when(session).sendMessage(any(TextMessage.class));
    return session;
  }

  @Test
  void aWriteBlockedLongerThanTheSendTimeoutMarksTheConnectionTooSlow() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch writing = new CountDownLatch(1);
    WebSocketSession session = stuckSession(release, writing);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Connection connection =
          connection(session, new Connection.Bounds(16, Long.MAX_VALUE, 5_000), executor);
      assertThat(connection.blockedTooLong()).as("no write yet").isFalse();
      connection.submit(() -> connection.send("{}"));
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(java.time.Duration.ofMillis(4_999));
      assertThat(connection.blockedTooLong()).isFalse();
      clock.advance(java.time.Duration.ofMillis(1));
      assertThat(connection.blockedTooLong()).isTrue();
      release.countDown();
    }
    assertThat(connection(session, 1, null).blockedTooLong()).isFalse();
  }

  @Test
  void moreWaitingFrameCharactersThanAllowedCloseTheConnectionForResync() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch writing = new CountDownLatch(1);
    WebSocketSession session = stuckSession(release, writing);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Connection connection =
          connection(session, new Connection.Bounds(1_000, 100, 5_000), executor);
      connection.submit(() -> connection.send("{}"), 2);
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      connection.submit(() -> connection.send("x".repeat(60)), 60);
      connection.submit(() -> connection.send("x".repeat(40)), 40);
      assertThat(connection.queuedChars()).isEqualTo(100);
      assertThat(serverCloses).isEmpty();
      connection.submit(() -> connection.send("x"), 1);
      assertThat(serverCloses).containsExactly(CloseCodes.TOO_SLOW);
      assertThat(connection.queuedChars()).isZero();
      release.countDown();
    }
  }

  @Test
  void aFullMailboxClosesTheConnectionForResyncInsteadOfBlockingTheCaller() throws Exception {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.getId()).thenReturn("s1");
    when(session.isOpen()).thenReturn(true);
    CountDownLatch clientStopsReading = new CountDownLatch(1);
    CountDownLatch firstSendStarted = new CountDownLatch(1);
    doAnswer(call -> {
      firstSendStarted.countDown();
      clientStopsReading.await(10, TimeUnit.SECONDS);
      return null;
    }).when(session).sendMessage(any(TextMessage.class));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Connection connection = connection(session, 4, executor);
      connection.submit(() -> connection.send("{}"));
      assertThat(firstSendStarted.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 4; i++) {
        connection.submit(() -> connection.send("{}"));
      }
      assertThat(serverCloses).isEmpty();
      connection.submit(() -> connection.send("{}")); // the fifth waiting frame: one too many
      assertThat(serverCloses).containsExactly(CloseCodes.TOO_SLOW);
      assertThat(connection.isOpen()).isFalse();
      connection.submit(() -> connection.send("{}")); // ignored once closing
      assertThat(serverCloses).hasSize(1);
      clientStopsReading.countDown();
    }
    verify(session).close(CloseCodes.TOO_SLOW);
  }

  @Test
  void framesLeaveInSubmissionOrderFromOneSenderAtATime() throws Exception {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.isOpen()).thenReturn(true);
    List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();
    doAnswer(call -> {
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      sent.add(((TextMessage) call.getArgument(0)).getPayload());
      concurrent.decrementAndGet();
      return null;
    }).when(session).sendMessage(any(TextMessage.class));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Connection connection = connection(session, 10_000, executor);
      for (int i = 0; i < 5_000; i++) {
        String frame = Integer.toString(i);
        connection.submit(() -> connection.send(frame));
      }
      org.awaitility.Awaitility.await().until(() -> sent.size() == 5_000);
    }
    for (int i = 0; i < 5_000; i++) {
      assertThat(sent.get(i)).isEqualTo(Integer.toString(i));
    }
    assertThat(maxConcurrent.get()).isEqualTo(1);
    assertThat(serverCloses).isEmpty();
  }
}
