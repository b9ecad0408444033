package dev.switchboard.realtime.gateway;

import dev.switchboard.realtime.DeliveryLag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;

/**
 * The gateway's counters on {@code /actuator/prometheus} (README "Operations"): change frames
 * sent, by whether they were live or read from the log (resume, gap, bus outage), notices
 * dropped because the connection already had them, resumes, and how late live frames leave.
 */
final class RealtimeMeters {
  private final Counter liveFrames;
  final Counter replayedFrames;
  final Counter duplicates;
  final Counter gaps;
  final Counter resumes;
  private final DeliveryLag lag;

  RealtimeMeters(MeterRegistry meters, Clock clock) {
    lag = new DeliveryLag(meters, clock, "websocket");
    liveFrames = meters.counter("switchboard.realtime.frames", "source", "live");
    replayedFrames = meters.counter("switchboard.realtime.frames", "source", "log");
    duplicates = meters.counter("switchboard.realtime.notices.dropped", "reason", "already_sent");
    gaps = meters.counter("switchboard.realtime.gaps");
    resumes = meters.counter("switchboard.realtime.resumes");
  }

  /** A live frame of the change logged at {@code loggedAt} was written. */
  void live(Instant loggedAt) {
    liveFrames.increment();
    lag.sent(loggedAt);
  }
}
