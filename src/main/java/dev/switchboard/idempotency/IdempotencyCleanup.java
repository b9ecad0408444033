package dev.switchboard.idempotency;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets keys once their time is up ({@code switchboard.idempotency.ttl}): after that a key
 * may be used for a new request. Runs on every node; deleting is idempotent.
 */
@Component
public class IdempotencyCleanup {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

  private final IdempotencyKeys keys;
  private final Clock clock;

  public IdempotencyCleanup(IdempotencyKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${switchboard.idempotency.cleanup:PT10M}", initialDelayString = "PT1M")
  public void run() {
    removeExpired(clock.instant());
  }

  /** Removes what expired before {@code now}; returns how many keys. */
  @Transactional
  public int removeExpired(Instant now) {
    int removed = keys.removeExpired(now);
    if (removed > 0) {
      log.debug("Forgot {} expired idempotency keys", removed);
    }
    return removed;
  }
}
