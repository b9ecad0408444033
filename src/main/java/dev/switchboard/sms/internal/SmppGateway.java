package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierConnection;
import dev.switchboard.sms.CarrierEvents;
import dev.switchboard.sms.CarrierSubmission;
import dev.switchboard.sms.OutboundSms;
import dev.switchboard.sms.SmsGateway;
import dev.switchboard.sms.SmsMetrics;
import dev.switchboard.sms.TransientCarrierFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMPP 3.4 carrier over {@code binds} transmitting sessions (transceivers, or transmitters plus
 * {@code receiver-binds} receivers), each with a window of outstanding submits. An SMS goes on
 * the next bound session with room, all its segments on that one. Callers never wait for a
 * bind: with no bound session the carrier is not {@link #available()} and the outbox claims
 * nothing.
 */
public class SmppGateway implements SmsGateway, AutoCloseable {
  private final List<SmppBind> binds = new ArrayList<>();
  private final List<SmppBind> transmitters = new ArrayList<>();
  private final SmppSubmitter submitter;
  private final ScheduledExecutorService binder;
  private final AtomicInteger next = new AtomicInteger();
  private final Object freed = new Object();
  private final Duration acquireTimeout;
  private final int maxInFlight;

  public SmppGateway(SmppSettings settings, CarrierEvents events, Clock clock, SmsMetrics metrics) {
    this.submitter = new SmppSubmitter(settings, metrics);
    this.binder = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("smpp-bind").daemon().factory());
    SmppInboundListener inbound = new SmppInboundListener(events, clock);
    boolean transceivers = settings.bindType() == SmppBindType.TRANSCEIVER;
    SmppBind.Role sending = transceivers ? SmppBind.Role.TRANSCEIVER : SmppBind.Role.TRANSMITTER;
    for (int i = 1; i <= settings.binds(); i++) {
      SmppBind bind = new SmppBind("smpp-" + sending.shortName + "-" + i, sending, settings,
          inbound, binder, clock);
      binds.add(bind);
      transmitters.add(bind);
      metrics.window(bind.name, bind, SmppBind::inUse, settings.window());
    }
    for (int i = 1; !transceivers && i <= settings.receiverBinds(); i++) {
      binds.add(new SmppBind("smpp-rx-" + i, SmppBind.Role.RECEIVER, settings, inbound, binder,
          clock));
    }
    for (SmppBind bind : binds) {
      metrics.connection(bind.connection(), bind::connection);
    }
    this.maxInFlight = settings.binds() * settings.window();
    this.acquireTimeout = settings.responseTimeout();
  }

  /** Starts binding every session in the background; returns at once. */
  public void start() {
    binds.forEach(SmppBind::start);
  }

  /** Whether every session is bound. */
  public boolean isBound() {
    return binds.stream().allMatch(SmppBind::isBound);
  }

  @Override
  public int maxInFlight() {
    return maxInFlight;
  }

  @Override
  public boolean available() {
    return transmitters.stream().anyMatch(SmppBind::isBound);
  }

  @Override
  public List<CarrierConnection> connections() {
    return binds.stream().map(SmppBind::connection).toList();
  }

  @Override
  public CarrierSubmission submit(OutboundSms sms) {
    SmppBind bind = acquire();
    if (bind == null) {
      throw new TransientCarrierFailure("No bound SMPP session had room for a submit");
    }
    try {
      return submitter.submit(bind, sms);
    } finally {
      bind.release();
      synchronized (freed) {
        freed.notifyAll();
      }
    }
  }

  /**
   * The next transmitting session, round robin, that is bound and has room; waits for a place
   * while some session is bound (the worker submits no more than {@link #maxInFlight()} at once,
   * so it waits only while a session is down), and gives up at once when none is bound, or
   * after {@code response-timeout}.
   */
  private SmppBind acquire() {
    long deadline = System.nanoTime() + acquireTimeout.toNanos();
    while (true) {
      int start = Math.floorMod(next.getAndIncrement(), transmitters.size());
      for (int i = 0; i < transmitters.size(); i++) {
        SmppBind bind = transmitters.get((start + i) % transmitters.size());
        if (bind.tryAcquire()) {
          return bind;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || transmitters.stream().noneMatch(SmppBind::isBound)) {
        return null;
      }
      synchronized (freed) {
        try {
          freed.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
  }

  @Override
  public void close() {
    binder.shutdownNow();
    binds.forEach(SmppBind::close);
  }
}
