package dev.switchboard.sms.internal;

import dev.switchboard.sms.Backoff;
import dev.switchboard.sms.CarrierConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP session: binds it in the background and, whenever it drops, binds again after an
 * exponential, capped backoff; jsmpp's enquire_link keeps an idle session alive and detects a
 * dead one. A transmitting bind holds a window: at most {@code window} submits waiting for
 * their answer at once. It logs a WARN once per change of state (lost, regained, first failure
 * to bind), never once per attempt or per message.
 */
final class SmppBind implements AutoCloseable {
  /** What a session is bound as. */
  enum Role {
    TRANSCEIVER(BindType.BIND_TRX, "trx"),
    TRANSMITTER(BindType.BIND_TX, "tx"),
    RECEIVER(BindType.BIND_RX, "rx");

    final BindType bindType;
    final String shortName;

    Role(BindType bindType, String shortName) {
      this.bindType = bindType;
      this.shortName = shortName;
    }

    boolean transmits() {
      return this != RECEIVER;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SmppBind.class);
  private static final Duration FIRST_RECONNECT = Duration.ofSeconds(1);

  final String name;
  final Role role;
  private final SmppSettings settings;
  private final MessageReceiverListener inbound;
  private final ScheduledExecutorService binder;
  private final Clock clock;
  private final Backoff reconnectBackoff;
  private final Semaphore window;
  private volatile SMPPSession session;
  private volatile boolean closed;
  private volatile boolean up;
  private volatile Instant since;
  private volatile String state = "CLOSED";
  private boolean reconnectPending;
  private int failedBinds;
  private boolean everBound;

  SmppBind(String name, Role role, SmppSettings settings, MessageReceiverListener inbound,
      ScheduledExecutorService binder, Clock clock) {
    this.name = name;
    this.role = role;
    this.settings = settings;
    this.inbound = inbound;
    this.binder = binder;
    this.clock = clock;
    Duration max = settings.reconnectMaxDelay();
    this.reconnectBackoff =
        new Backoff(FIRST_RECONNECT.compareTo(max) < 0 ? FIRST_RECONNECT : max, max);
    this.window = new Semaphore(role.transmits() ? settings.window() : 0);
    this.since = clock.instant();
  }

  void start() {
    binder.execute(this::bind);
  }

  boolean isBound() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  int inUse() {
    return role.transmits() ? settings.window() - window.availablePermits() : 0;
  }

  /** Takes a place in the window; the caller {@link #release releases} it after the SMS. */
  boolean tryAcquire() {
    return isBound() && window.tryAcquire();
  }

  void release() {
    window.release();
  }

  /** The session to submit on; null when it dropped since {@link #tryAcquire}. */
  SMPPSession session() {
    return session;
  }

  CarrierConnection connection() {
    return new CarrierConnection(name, role.name().toLowerCase(Locale.ROOT), up, state, since);
  }

  private void bind() {
    if (closed) {
      return;
    }
    SMPPSession candidate = new SMPPSession();
    candidate.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
    candidate.setTransactionTimer(settings.responseTimeout().toMillis());
    // Answers and deliver_sm are processed on this many threads: enough for a full window.
    candidate.setPduProcessorDegree(Math.max(3, Math.min(settings.window(), 16)));
    if (role != Role.TRANSMITTER) {
      candidate.setMessageReceiverListener(inbound);
    }
    try {
      candidate.connectAndBind(
          settings.host(),
          settings.port(),
          new BindParameter(role.bindType, settings.systemId(), settings.password(),
              settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          settings.responseTimeout().toMillis());
    } catch (IOException e) {
      candidate.close();
      bindFailed(e);
      return;
    }
    if (closed) {
      candidate.unbindAndClose();
      return;
    }
    candidate.addSessionStateListener(this::onStateChange);
    session = candidate;
    bound(candidate.getSessionState());
    if (!candidate.getSessionState().isBound()) {
      onStateChange(candidate.getSessionState(), SessionState.OPEN, candidate);
    }
  }

  private synchronized void bindFailed(IOException e) {
    state = "CLOSED";
    if (failedBinds == 0) {
      log.warn("SMPP bind {} to {}:{} failed: {}; retrying with backoff up to {} (logged again"
          + " when it binds)", name, settings.host(), settings.port(), e.getMessage(),
          settings.reconnectMaxDelay());
    } else {
      log.debug("SMPP bind {} failed again: {}", name, e.getMessage());
    }
    scheduleReconnect();
  }

  private synchronized void bound(SessionState now) {
    Instant at = clock.instant();
    if (!everBound) {
      log.info("SMPP bind {} bound to {}:{} as {}", name, settings.host(), settings.port(),
          settings.systemId());
    } else {
      log.warn("SMPP bind {} regained after {} s", name, Duration.between(since, at).toSeconds());
    }
    everBound = true;
    failedBinds = 0;
    up = true;
    since = at;
    state = now.name();
  }

  private void onStateChange(SessionState now, SessionState before, Session source) {
    if (source != session) {
      return;
    }
    state = now.name();
    if (now.isBound()) {
      return;
    }
    synchronized (this) {
      if (up) {
        up = false;
        since = clock.instant();
        if (!closed) {
          log.warn("SMPP bind {} to {}:{} lost ({}); reconnecting", name, settings.host(),
              settings.port(), now);
        }
      }
    }
    session = null;
    scheduleReconnect();
  }

  private synchronized void scheduleReconnect() {
    if (closed || reconnectPending) {
      return;
    }
    reconnectPending = true;
    Duration delay = reconnectBackoff.delay(++failedBinds);
    binder.schedule(
        () -> {
          synchronized (this) {
            reconnectPending = false;
          }
          bind();
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    SMPPSession current = session;
    session = null;
    if (current != null) {
      current.unbindAndClose();
    }
  }
}
