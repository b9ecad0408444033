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

  private Connection connection(WebSocketSession session, int queueSize, ExecutorService executor) {
    return new Connection(session, queueSize, executor, c -> null, serverCloses::add);
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
