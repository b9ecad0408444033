package dev.switchboard.sms;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repairs what a crash or a race left half done; run every {@code sweep-interval} on every node
 * at once, safely, because each repair is a conditional change (or a delete) that exactly one
 * node wins:
 *
 * <ol>
 *   <li>an SMS still sending after its lease ran out (its sender died) becomes unknown, never
 *       resent: the carrier may have it ({@link #ABANDONED});
 *   <li>a sent SMS whose segments are all settled, or one failed, is settled;
 *   <li>a kept receipt whose segment has been recorded since is applied;
 *   <li>a kept receipt older than {@code unmatched-receipt-ttl} is dropped and counted.
 * </ol>
 */
public class SmsOutboxSweeper {
  /** Why an SMS found sending with an expired lease is not sent again. */
  public static final String ABANDONED =
      "Outcome unknown, not resent: its sender stopped mid-submit (lease expired)";

  private static final Logger log = LoggerFactory.getLogger(SmsOutboxSweeper.class);
  private static final int BATCH = 200;

  private final SmsOutboxEntries entries;
  private final UnmatchedReceipts unmatched;
  private final SmsReceipts receipts;
  private final OutboxPolicy policy;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SmsMetrics metrics;
  private final TransactionTemplate tx;

  public SmsOutboxSweeper(
      SmsOutboxEntries entries,
      UnmatchedReceipts unmatched,
      SmsReceipts receipts,
      OutboxPolicy policy,
      Clock clock,
      ApplicationEventPublisher events,
      SmsMetrics metrics,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.unmatched = unmatched;
    this.receipts = receipts;
    this.policy = policy;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /** One pass of every repair; returns how many things it changed. */
  public int sweep() {
    int changed = abandonExpiredClaims();
    for (SmsOutboxEntry entry : tx.execute(status -> entries.sentWithSettledParts(BATCH))) {
      if (receipts.settleFromParts(entry.tenantId(), entry.id())) {
        changed++;
      }
    }
    changed += receipts.matchKept(BATCH);
    Instant cutoff = clock.instant().minus(policy.unmatchedReceiptTtl());
    int expired = tx.execute(status -> unmatched.expire(cutoff));
    if (expired > 0) {
      metrics.receiptsExpired(expired);
      log.warn("Dropped {} delivery receipts that matched no SMS within {}", expired,
          policy.unmatchedReceiptTtl());
    }
    return changed + expired;
  }

  private int abandonExpiredClaims() {
    int changed = 0;
    Instant now = clock.instant();
    for (SmsOutboxEntry entry : tx.execute(status -> entries.expiredLeases(now, BATCH))) {
      boolean won = Boolean.TRUE.equals(tx.execute(status -> {
        if (!entries.abandon(entry.tenantId(), entry.id(), ABANDONED, now)) {
          return false;
        }
        events.publishEvent(new SmsStatusChanged(
            entry.tenantId(), entry.id(), entry.messageId(), SmsStatus.UNKNOWN));
        return true;
      }));
      if (won) {
        changed++;
        metrics.failure(SmsFailureReason.ABANDONED);
        metrics.settled(SmsStatus.UNKNOWN);
      }
    }
    if (changed > 0) {
      log.warn("{} SMS were left sending by a stopped sender: marked unknown, not resent", changed);
    }
    return changed;
  }
}
