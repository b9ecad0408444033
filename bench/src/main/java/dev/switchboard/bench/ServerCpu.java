package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server process's CPU time (user + system, from /proc) over the measured window: CPU per
 * request is far less sensitive than throughput to other work on the machine, so it shows what
 * a change saved even when the figures are noisy.
 */
final class ServerCpu {
  /** Linux reports process times in clock ticks of 1/100 s on every common configuration. */
  private static final double MILLIS_PER_TICK = 10.0;

  private volatile long ticks = -1;

  static ServerCpu over(String pid, long fromNanos, long toNanos) {
    ServerCpu cpu = new ServerCpu();
    if (pid == null) {
      return cpu;
    }
    Thread.ofPlatform().daemon().start(() -> {
      try {
        Thread.sleep(Math.max(0, (fromNanos - System.nanoTime()) / 1_000_000));
        long start = read(pid);
        Thread.sleep(Math.max(0, (toNanos - System.nanoTime()) / 1_000_000));
        cpu.ticks = read(pid) - start;
      } catch (Exception e) {
        cpu.ticks = -1;
      }
    });
    return cpu;
  }

  /** CPU milliseconds per request, or NaN when unknown. */
  double millisPer(long requests) {
    for (int i = 0; i < 100 && ticks < 0; i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return ticks < 0 || requests == 0 ? Double.NaN : ticks * MILLIS_PER_TICK / requests;
  }

  private static long read(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
  }
}
