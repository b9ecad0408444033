package dev.switchboard.sms;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The outbox's two schedules, on one background thread from context start to shutdown: the
 * load (gauges, backpressure) every second, and the sweeper every {@code sweep-interval}. Only
 * created when a carrier is configured. A failing run (database down) is logged once, not once
 * per run, and the schedule goes on.
 */
public class SmsHousekeeping implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SmsHousekeeping.class);
  static final Duration LOAD_INTERVAL = Duration.ofSeconds(1);

  private final SmsOutboxLoad load;
  private final SmsOutboxSweeper sweeper;
  private final OutboxPolicy policy;
  private ScheduledExecutorService scheduler;
  private volatile boolean failing;

  public SmsHousekeeping(SmsOutboxLoad load, SmsOutboxSweeper sweeper, OutboxPolicy policy) {
    this.load = load;
    this.sweeper = sweeper;
    this.policy = policy;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("sms-housekeeping").daemon().factory());
    scheduler.scheduleWithFixedDelay(() -> run(load::refresh), 0, LOAD_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
    long sweep = policy.sweepInterval().toMillis();
    scheduler.scheduleWithFixedDelay(() -> run(sweeper::sweep), sweep, sweep,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void run(Runnable task) {
    try {
      task.run();
      if (failing) {
        failing = false;
        log.warn("SMS housekeeping works again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.error("SMS housekeeping failed; it keeps trying on schedule", e);
      } else {
        log.debug("SMS housekeeping failed again", e);
      }
    }
  }
}
