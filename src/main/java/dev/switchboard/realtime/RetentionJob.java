package dev.switchboard.realtime;

import dev.switchboard.feed.ChangeLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@code switchboard.realtime.retention}: removes change-log prefixes older than it.
 * Only created when a retention is configured; by default the log is kept forever.
 */
public class RetentionJob {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final ChangeLog changeLog;
  private final RealtimeProperties properties;
  private final Clock clock;

  public RetentionJob(ChangeLog changeLog, RealtimeProperties properties, Clock clock) {
    this.changeLog = changeLog;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${switchboard.realtime.retention-check:PT1H}")
  @Transactional
  public int compact() {
    int removed = changeLog.compactOlderThan(clock.instant().minus(properties.retention()));
    if (removed > 0) {
      log.info("Change-log retention removed {} entries", removed);
    }
    return removed;
  }
}
