package dev.switchboard.sms;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's load, read from the database every second by {@link SmsHousekeeping} (not on
 * each send: counting the queue per request would cost more than the send), and the
 * backpressure that refuses new SMS above the {@link BackpressurePolicy}. The limits are
 * therefore soft by at most one second of sends. Logs one WARN when refusing starts and one
 * when it ends.
 */
@Service
public class SmsOutboxLoad {
  private static final Logger log = LoggerFactory.getLogger(SmsOutboxLoad.class);

  private final SmsOutboxEntries entries;
  private final BackpressurePolicy policy;
  private final Clock clock;
  private final SmsMetrics metrics;
  private final TransactionTemplate tx;
  private volatile OutboxLoad current = OutboxLoad.EMPTY;
  private volatile LoadRefusal refusal;

  /** Why new SMS are refused: {@code reason} is the metric's tag, {@code detail} the answer's. */
  private record LoadRefusal(String reason, String detail) {}

  public SmsOutboxLoad(
      SmsOutboxEntries entries,
      BackpressurePolicy policy,
      Clock clock,
      SmsMetrics metrics,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.policy = policy;
    this.clock = clock;
    this.metrics = metrics;
    this.tx = new TransactionTemplate(transactionManager);
    this.tx.setReadOnly(true);
    metrics.outboxLoad(() -> current);
  }

  public OutboxLoad current() {
    return current;
  }

  /** Reads the load again and decides whether new SMS are refused until the next refresh. */
  public void refresh() {
    OutboxLoad load = tx.execute(status -> entries.load(clock.instant()));
    long queued = load.depth(SmsStatus.QUEUED);
    LoadRefusal now = null;
    if (queued >= policy.maxQueued()) {
      now = new LoadRefusal("depth", queued + " SMS queued (limit " + policy.maxQueued() + ")");
    } else if (load.oldestDueWait().compareTo(policy.maxDueWait()) >= 0) {
      now = new LoadRefusal("wait", "the oldest due SMS has waited "
          + load.oldestDueWait().toSeconds() + " s (limit " + policy.maxDueWait().toSeconds()
          + " s)");
    }
    current = load;
    LoadRefusal before = refusal;
    refusal = now;
    if (before == null && now != null) {
      log.warn("Refusing new SMS: {}", now.detail());
    } else if (before != null && now == null) {
      log.warn("Accepting new SMS again: {} queued, oldest due wait {} s", queued,
          load.oldestDueWait().toSeconds());
    }
  }

  /** Throws UNAVAILABLE while the last refresh found the outbox over a limit. */
  void requireCapacity() {
    LoadRefusal refused = refusal;
    if (refused != null) {
      metrics.refused(refused.reason());
      throw new DomainException(ErrorCode.UNAVAILABLE, "SMS outbox is full, try again later",
          List.of(refused.detail()));
    }
  }
}
