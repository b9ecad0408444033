package dev.switchboard.realtime.gateway;

import dev.switchboard.realtime.SerialMailbox;
import dev.switchboard.shared.Actor;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One client connection. Everything that touches it — client frames, deliveries, pings — goes
 * through a bounded mailbox drained by one task at a time, so its state needs no locks and
 * frames leave in order. A client that cannot keep up is closed with a resync code (4008) instead
 * of slowing the bus or anyone else: when its mailbox holds more than its limit of tasks or of
 * frame characters, or when one write to it has been blocked longer than the send timeout (it
 * stopped reading and the socket buffers are full).
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  /** How long the close frame of a slow consumer may wait to be written before the cut. */
  static final long CLOSE_FRAME_MILLIS = 1_000;
  private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
  /** Client frames are small (auth, resume of up to 1000 conversations, typing). */
  static final int MAX_FRAME_CHARS = 64 * 1024;

  private final WebSocketSession session;
  private final SerialMailbox mailbox;
  private final Executor executor;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean pingQueued = new AtomicBoolean();
  private final Subscriptions subscriptions;
  /** The conversations routed to this connection (see {@link Connections}). */
  private final Set<String> following = ConcurrentHashMap.newKeySet();
  private final Consumer<CloseStatus> onServerClose;
  private final Clock clock;
  private final Bounds limits;
  /** Characters of the frames waiting in the mailbox. */
  private final AtomicLong queuedChars = new AtomicLong();
  /** When the write in progress started, or null between writes. */
  private volatile Instant sendingSince;
  private volatile Actor actor;
  /** When the unanswered ping left, or null: a queued ping does not count against the peer. */
  private volatile Instant pingSentAt;
  /** The parts of a client frame so far; the container delivers one session's parts in turn. */
  private StringBuilder partialFrame;

  /**
   * What a connection may hold and how long a write may take.
   *
   * @param queueSize tasks waiting in the mailbox
   * @param queueChars characters of frames waiting in the mailbox
   * @param sendTimeoutMillis how long one write may stay blocked
   */
  record Bounds(int queueSize, long queueChars, long sendTimeoutMillis) {}

  Connection(
      WebSocketSession session,
      Bounds limits,
      Clock clock,
      Executor executor,
      Subscriptions.Factory subs,
      Consumer<CloseStatus> onServerClose) {
    this.session = session;
    this.limits = limits;
    this.clock = clock;
    this.mailbox = new SerialMailbox(limits.queueSize(), executor, closing::get, e -> {
      log.warn("Realtime connection {} failed; closing it", id(), e);
      close(CloseStatus.SERVER_ERROR);
    });
    this.executor = executor;
    this.subscriptions = subs.create(this);
    this.onServerClose = onServerClose;
  }

  String id() {
    return session.getId();
  }

  Actor actor() {
    return actor;
  }

  void authenticated(Actor actor) {
    this.actor = actor;
  }

  Subscriptions subscriptions() {
    return subscriptions;
  }

  Set<String> following() {
    return following;
  }

  /** Whether a ping went out before {@code deadline} and nothing came back since. */
  boolean silentSince(Instant deadline) {
    Instant sent = pingSentAt;
    return sent != null && sent.isBefore(deadline);
  }

  boolean awaitingPong() {
    return pingSentAt != null;
  }

  /** Any frame or pong from the peer proves it alive. */
  void seen() {
    pingSentAt = null;
  }

  /**
   * Adds one part of a client frame; returns the whole frame with its last part, null before
   * that. A frame over {@link #MAX_FRAME_CHARS} closes the connection (1009), as the container
   * itself would.
   */
  String assemble(String part, boolean last) {
    if (partialFrame == null && last) {
      return part.length() > MAX_FRAME_CHARS ? tooBig() : part;
    }
    if (partialFrame == null) {
      partialFrame = new StringBuilder(part.length() * 2);
    }
    partialFrame.append(part);
    if (partialFrame.length() > MAX_FRAME_CHARS) {
      return tooBig();
    }
    if (!last) {
      return null;
    }
    String whole = partialFrame.toString();
    partialFrame = null;
    return whole;
  }

  private String tooBig() {
    partialFrame = null;
    close(CloseStatus.TOO_BIG_TO_PROCESS);
    return null;
  }

  boolean isOpen() {
    return session.isOpen() && !closing.get();
  }

  /** Queues work for this connection; a full queue closes it as too slow. */
  void submit(Runnable task) {
    submit(task, 0);
  }

  /**
   * Queues work that will send a frame of {@code chars} characters; a full queue, or more
   * waiting characters than allowed, closes the connection as too slow.
   */
  void submit(Runnable task, int chars) {
    if (closing.get()) {
      return;
    }
    Runnable counted = chars == 0 ? task : () -> {
      queuedChars.addAndGet(-chars);
      task.run();
    };
    if (queuedChars.addAndGet(chars) > limits.queueChars() || !mailbox.offer(counted)) {
      log.debug("Realtime connection {} fell behind; closing it for resync", id());
      close(CloseCodes.TOO_SLOW);
    }
  }

  /** Only called from the drain task: the one sender of this session. */
  void send(String frame) {
    sendingSince = clock.instant();
    try {
      session.sendMessage(new TextMessage(frame));
    } catch (IOException | IllegalStateException e) {
      // The container gives up on a blocked write after the send timeout too (set on the
      // session by the gateway): that is a client too slow, not a broken one.
      close(timedOut(e) ? CloseCodes.TOO_SLOW : CloseStatus.SESSION_NOT_RELIABLE);
    } finally {
      sendingSince = null;
    }
  }

  /**
   * Tomcat gives up on a blocked write after this session property (its default is 20 s), which
   * frees the writing thread once our own limit is reached.
   */
  static void limitBlockingWrites(WebSocketSession session, long millis) {
    if (session instanceof NativeWebSocketSession wrapped
        && wrapped.getNativeSession(jakarta.websocket.Session.class) instanceof jakarta.websocket.Session ws) {
      ws.getUserProperties().put(BLOCKING_SEND_TIMEOUT, millis);
    }
  }

  /** A write that failed by the container's send timeout, or after blocking that long. */
  private boolean timedOut(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return blockedTooLong();
  }

  /** Whether the write in progress has been blocked longer than the send timeout. */
  boolean blockedTooLong() {
    Instant since = sendingSince;
    return since != null
        && !since.plusMillis(limits.sendTimeoutMillis()).isAfter(clock.instant());
  }

  /** Characters of frames waiting to be sent (for the byte bound and its test). */
  long queuedChars() {
    return queuedChars.get();
  }

  /** Queues one ping (never more than one waiting). */
  void requestPing() {
    if (pingQueued.compareAndSet(false, true)) {
      submit(
          () -> {
            pingQueued.set(false);
            ping();
          });
    }
  }

  private void ping() {
    pingSentAt = clock.instant();
    sendingSince = pingSentAt;
    try {
      session.sendMessage(new PingMessage());
    } catch (IOException | IllegalStateException e) {
      close(timedOut(e) ? CloseCodes.TOO_SLOW : CloseStatus.SESSION_NOT_RELIABLE);
    } finally {
      sendingSince = null;
    }
  }

  /**
   * Closes once. The close runs on its own task: the drain task may be blocked writing to a
   * client that stopped reading.
   */
  void close(CloseStatus status) {
    if (closing.compareAndSet(false, true)) {
      mailbox.clear();
      queuedChars.set(0);
      onServerClose.accept(status);
      if (status == CloseCodes.TOO_SLOW) {
        // The close frame queues behind what the client does not read: give it a moment to
        // fit, then the container cuts the connection.
        limitBlockingWrites(session, CLOSE_FRAME_MILLIS);
      }
      executor.execute(
          () -> {
            try {
              session.close(status);
            } catch (IOException | IllegalStateException ignored) {
              // Already gone: nothing left to tell the client.
            }
          });
    }
  }
}
