package dev.switchboard.sms;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the outbox worker on one background thread at a fixed delay, from context start to
 * shutdown. Only created when a carrier is configured.
 */
public class SmsOutboxPoller implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SmsOutboxPoller.class);

  private final SmsOutboxWorker worker;
  private final OutboxPolicy policy;
  private ScheduledExecutorService scheduler;

  public SmsOutboxPoller(SmsOutboxWorker worker, OutboxPolicy policy) {
    this.worker = worker;
    this.policy = policy;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sms-outbox");
              thread.setDaemon(true);
              return thread;
            });
    long delay = policy.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::poll, 0, delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** A failing pass (database down) must not end the schedule: log it and poll again later. */
  private void poll() {
    try {
      worker.runOnce();
    } catch (RuntimeException e) {
      log.error("SMS outbox poll failed", e);
    }
  }
}
