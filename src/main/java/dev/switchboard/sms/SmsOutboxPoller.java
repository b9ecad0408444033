package dev.switchboard.sms;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the outbox worker busy from context start to shutdown, on one dispatcher thread: it
 * hands out due SMS while senders are free, waits for a sender when all are busy, and sleeps
 * {@code poll-interval} when nothing is due (or the carrier is away). Only created when a
 * carrier is configured. On shutdown it stops claiming, then waits for the sends in flight.
 */
public class SmsOutboxPoller implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SmsOutboxPoller.class);
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final SmsOutboxWorker worker;
  private final OutboxPolicy policy;
  private Thread dispatcher;
  private volatile boolean running;
  private boolean failing;

  public SmsOutboxPoller(SmsOutboxWorker worker, OutboxPolicy policy) {
    this.worker = worker;
    this.policy = policy;
  }

  @Override
  public synchronized void start() {
    if (dispatcher != null) {
      return;
    }
    running = true;
    dispatcher = Thread.ofPlatform().name("sms-outbox").daemon().start(this::loop);
  }

  @Override
  public synchronized void stop() {
    if (dispatcher == null) {
      return;
    }
    running = false;
    dispatcher.interrupt();
    try {
      dispatcher.join(DRAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dispatcher = null;
    worker.close(DRAIN);
  }

  @Override
  public synchronized boolean isRunning() {
    return dispatcher != null;
  }

  private void loop() {
    while (running) {
      try {
        boolean started = !worker.dispatch().isEmpty();
        if (failing) {
          failing = false;
          log.warn("SMS outbox dispatch works again");
        }
        if (!started && worker.hasFreeSlot()) {
          Thread.sleep(policy.pollInterval());
        } else if (!worker.hasFreeSlot()) {
          worker.awaitFreeSlot(policy.pollInterval());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A failing pass (database down) must not end the loop: try again later, and log the
        // first failure only, not one per poll.
        if (!failing) {
          failing = true;
          log.error("SMS outbox dispatch failed; retrying every {}", policy.pollInterval(), e);
        } else {
          log.debug("SMS outbox dispatch failed again", e);
        }
        sleepQuietly();
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(policy.pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
