package dev.switchboard.webhook;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.CommittedChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher from start to shutdown on one thread: a pass every {@code poll-interval},
 * and at once when a transaction with changes commits on this node (so posts do not wait for the
 * next tick; other nodes' changes are found by the tick). Once an hour it removes settled
 * deliveries older than {@code keep-settled}.
 */
public class WebhookPoller implements SmartLifecycle, CommittedChanges {
  private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

  private final WebhookDispatcher dispatcher;
  private final WebhookRecorder recorder;
  private final WebhookDeliveries deliveries;
  private final WebhookSettings settings;
  private final Clock clock;
  private final Semaphore wake = new Semaphore(0);
  private Thread thread;
  private volatile boolean running;
  private Instant nextPurge = Instant.MIN;
  private boolean failing;

  public WebhookPoller(WebhookDispatcher dispatcher, WebhookRecorder recorder,
      WebhookDeliveries deliveries, WebhookSettings settings, Clock clock) {
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.deliveries = deliveries;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void committed(List<Change> changes) {
    if (recorder.queuedAny(changes)) {
      wake.release();
    }
  }

  @Override
  public synchronized void start() {
    if (thread == null) {
      dispatcher.open();
      running = true;
      thread = Thread.ofPlatform().name("webhooks").daemon().start(this::loop);
    }
  }

  @Override
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    dispatcher.close();
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }

  private void loop() {
    while (running) {
      try {
        // A post that ends frees a place of its endpoint: pass again then, not a poll interval
        // later (with a backlog, a pass a second held an endpoint to concurrency-per-endpoint
        // posts per second).
        dispatcher.dispatch().forEach(post -> post.whenComplete((ok, e) -> wake.release()));
        purgeWhenDue();
        failing = false;
        wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A failing pass (database away) must not end the loop; log the first failure only.
        if (!failing) {
          failing = true;
          log.error("Webhook dispatch failed; retrying every {}", settings.pollInterval(), e);
        }
        try {
          Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plusSeconds(3600);
      deliveries.purgeSettled(now.minus(settings.keepSettled()));
    }
  }
}
