package dev.switchboard.sms;

import java.time.Duration;

/**
 * When new SMS are refused: at or above {@code maxQueued} queued SMS (all tenants), or once the
 * oldest due SMS has waited {@code maxDueWait} since it became due.
 */
public record BackpressurePolicy(long maxQueued, Duration maxDueWait) {
  public BackpressurePolicy {
    if (maxQueued < 1 || maxDueWait.isNegative() || maxDueWait.isZero()) {
      throw new IllegalArgumentException("backpressure needs max-queued >= 1 and max-due-wait > 0");
    }
  }
}
