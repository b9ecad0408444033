package dev.switchboard.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC with milliseconds, {@code 2024-01-15T10:30:00.000Z}, as the seeds show: the one
 * timestamp rendering of the dialects and the realtime payloads.
 */
public final class Timestamps {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }
}
