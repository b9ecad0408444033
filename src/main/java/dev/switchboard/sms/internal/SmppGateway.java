package dev.switchboard.sms.internal;

import dev.switchboard.sms.Backoff;
import dev.switchboard.sms.CarrierEvents;
import dev.switchboard.sms.CarrierSubmission;
import dev.switchboard.sms.OutboundSms;
import dev.switchboard.sms.PermanentCarrierFailure;
import dev.switchboard.sms.SmsGateway;
import dev.switchboard.sms.TransientCarrierFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 carrier over one transceiver session. A background thread binds it and, whenever it
 * drops, binds again after an exponential, capped backoff; jsmpp's enquire_link keeps an idle
 * session alive and detects a dead one. Callers never wait for a bind: a submit while unbound is
 * a transient failure the outbox retries.
 */
public class SmppGateway implements SmsGateway, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
  private static final Duration FIRST_RECONNECT = Duration.ofSeconds(1);
  private static final long RESPONSE_TIMEOUT_MILLIS = 10_000;
  /** Command statuses worth retrying: system error, queue full, throttled, temporary app error. */
  private static final List<Integer> TRANSIENT_STATUSES = List.of(0x08, 0x14, 0x58, 0x64);

  private final SmppSettings settings;
  private final SmppInboundListener inbound;
  private final Backoff reconnectBackoff;
  private final ScheduledExecutorService binder;
  private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
  private volatile SMPPSession session;
  private volatile boolean closed;
  private boolean reconnectPending;
  private int failedBinds;

  public SmppGateway(SmppSettings settings, CarrierEvents events, Clock clock) {
    this.settings = settings;
    this.inbound = new SmppInboundListener(events, clock);
    Duration max = settings.reconnectMaxDelay();
    this.reconnectBackoff =
        new Backoff(FIRST_RECONNECT.compareTo(max) < 0 ? FIRST_RECONNECT : max, max);
    this.binder =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "smpp-bind");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts binding in the background; returns at once. */
  public void start() {
    binder.execute(this::bind);
  }

  public boolean isBound() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  @Override
  public CarrierSubmission submit(OutboundSms sms) {
    SMPPSession current = session;
    if (current == null || !current.getSessionState().isBound()) {
      throw new TransientCarrierFailure("SMPP session is not bound");
    }
    SmsSegments segments = SmsSegments.of(sms.text());
    int reference = references.getAndIncrement() & 0xFF;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < segments.parts().size(); i++) {
      try {
        ids.add(submitSegment(current, sms, segments, i, reference));
      } catch (NegativeResponseException e) {
        String reason = String.format("SMSC refused segment %d: status 0x%02X", i + 1,
            e.getCommandStatus());
        throw failure(ids, segments, reason, TRANSIENT_STATUSES.contains(e.getCommandStatus()), e);
      } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
        throw failure(ids, segments, "SMPP submit failed: " + e.getMessage(), true, e);
      } catch (PDUException e) {
        throw failure(ids, segments, "SMS cannot be encoded: " + e.getMessage(), false, e);
      }
    }
    return new CarrierSubmission(ids, segments.parts().size());
  }

  private String submitSegment(
      SMPPSession current, OutboundSms sms, SmsSegments segments, int index, int reference)
      throws PDUException, ResponseTimeoutException, InvalidResponseException,
          NegativeResponseException, IOException {
    ESMClass esm =
        segments.concatenated()
            ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
            : new ESMClass();
    return current
        .submitShortMessage(
            "",
            TypeOfNumber.valueOf(settings.sourceTon()),
            NumberingPlanIndicator.valueOf(settings.sourceNpi()),
            SmppAddresses.toWire(sms.from()),
            TypeOfNumber.valueOf(settings.destTon()),
            NumberingPlanIndicator.valueOf(settings.destNpi()),
            SmppAddresses.toWire(sms.to()),
            esm,
            (byte) 0,
            (byte) 1,
            null,
            null,
            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
            (byte) 0,
            DataCodings.newInstance(segments.coding().dataCoding),
            (byte) 0,
            segments.payload(index, reference))
        .getMessageId();
  }

  /**
   * Once any segment was accepted, retrying would send those segments twice: a later failure
   * of the same SMS is then permanent, whatever its cause.
   */
  private static RuntimeException failure(
      List<String> acceptedIds, SmsSegments segments, String reason, boolean transientCause,
      Exception cause) {
    if (!acceptedIds.isEmpty()) {
      return new PermanentCarrierFailure(
          reason + " after " + acceptedIds.size() + " of " + segments.parts().size()
              + " segments were accepted; not retried to avoid duplicates", cause);
    }
    return transientCause
        ? new TransientCarrierFailure(reason, cause)
        : new PermanentCarrierFailure(reason, cause);
  }

  private void bind() {
    if (closed) {
      return;
    }
    SMPPSession candidate = new SMPPSession();
    candidate.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
    candidate.setTransactionTimer(RESPONSE_TIMEOUT_MILLIS);
    candidate.setMessageReceiverListener(inbound);
    try {
      candidate.connectAndBind(
          settings.host(),
          settings.port(),
          new BindParameter(BindType.BIND_TRX, settings.systemId(), settings.password(),
              settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          RESPONSE_TIMEOUT_MILLIS);
    } catch (IOException e) {
      candidate.close();
      log.warn("SMPP bind to {}:{} failed: {}", settings.host(), settings.port(), e.getMessage());
      scheduleReconnect();
      return;
    }
    if (closed) {
      candidate.unbindAndClose();
      return;
    }
    candidate.addSessionStateListener(this::onStateChange);
    synchronized (this) {
      failedBinds = 0;
    }
    session = candidate;
    log.info("SMPP session bound to {}:{} as {}", settings.host(), settings.port(),
        settings.systemId());
    if (!candidate.getSessionState().isBound()) {
      onStateChange(candidate.getSessionState(), SessionState.BOUND_TRX, candidate);
    }
  }

  private void onStateChange(SessionState now, SessionState before, Session source) {
    if (now.isBound() || source != session) {
      return;
    }
    log.warn("SMPP session to {}:{} dropped ({})", settings.host(), settings.port(), now);
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
    binder.shutdownNow();
    SMPPSession current = session;
    session = null;
    if (current != null) {
      current.unbindAndClose();
    }
  }
}
