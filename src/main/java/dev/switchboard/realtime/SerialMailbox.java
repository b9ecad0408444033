package dev.switchboard.realtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One connection's work, run in order and one task at a time on a shared executor, so the
 * connection's state needs no locks and a slow client never holds a thread of its own while idle.
 * Bounded: {@link #offer} refuses work beyond {@code capacity}, and the connection decides what a
 * full mailbox means (both realtime gateways close the client as too slow).
 */
public final class SerialMailbox {
  private final BlockingQueue<Runnable> tasks;
  private final Executor executor;
  private final BooleanSupplier stopped;
  private final Consumer<RuntimeException> onFailure;
  private final AtomicBoolean draining = new AtomicBoolean();

  /**
   * @param stopped true once the connection closes: what is still queued is dropped
   * @param onFailure called (on the drain task) when a task throws; the rest waits for the next
   *     offer unless {@code stopped} says otherwise
   */
  public SerialMailbox(
      int capacity, Executor executor, BooleanSupplier stopped, Consumer<RuntimeException> onFailure) {
    this.tasks = new ArrayBlockingQueue<>(capacity);
    this.executor = executor;
    this.stopped = stopped;
    this.onFailure = onFailure;
  }

  /** Queues a task; false when the mailbox is full (nothing was queued). */
  public boolean offer(Runnable task) {
    if (!tasks.offer(task)) {
      return false;
    }
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
    return true;
  }

  /** Drops whatever waits (the connection is closing). */
  public void clear() {
    tasks.clear();
  }

  private void drain() {
    try {
      Runnable task;
      while (!stopped.getAsBoolean() && (task = tasks.poll()) != null) {
        task.run();
      }
    } catch (RuntimeException e) {
      onFailure.accept(e);
    } finally {
      draining.set(false);
      // A task offered after the loop's last poll but before the flag was cleared would wait
      // for the next offer: start again for it.
      if (!tasks.isEmpty() && !stopped.getAsBoolean() && draining.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }
  }
}
