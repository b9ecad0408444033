package dev.switchboard.realtime.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's counters on {@code /actuator/prometheus} (README "Operations"): change frames
 * sent, by whether they were live or read from the log (resume, gap, bus outage), notices
 * dropped because the connection already had them, and resumes.
 */
final class RealtimeMeters {
  final Counter liveFrames;
  final Counter replayedFrames;
  final Counter duplicates;
  final Counter gaps;
  final Counter resumes;

  RealtimeMeters(MeterRegistry meters) {
    liveFrames = meters.counter("switchboard.realtime.frames", "source", "live");
    replayedFrames = meters.counter("switchboard.realtime.frames", "source", "log");
    duplicates = meters.counter("switchboard.realtime.notices.dropped", "reason", "already_sent");
    gaps = meters.counter("switchboard.realtime.gaps");
    resumes = meters.counter("switchboard.realtime.resumes");
  }
}
