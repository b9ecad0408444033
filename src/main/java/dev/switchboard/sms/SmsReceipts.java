package dev.switchboard.sms;

import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles SMS from delivery receipts, exactly once however the receipts come:
 *
 * <ul>
 *   <li>A segment is settled under a lock on its SMS's outbox row, taken before anything is
 *       read, so receipts for all segments arriving at once settle one after the other and the
 *       last one sees every other segment settled: the SMS ends delivered or failed, never
 *       stuck at sent.
 *   <li>A receipt whose carrier id no segment has yet (the carrier answered before our "sent"
 *       commit) is kept, then looked for again right after it is stored; the worker looks for
 *       kept receipts right after it records a submit. One of the two always sees the other's
 *       commit, and whoever deletes the kept receipt applies it, so it is applied once.
 * </ul>
 */
@Service
public class SmsReceipts {
  private final SmsOutboxEntries entries;
  private final SmsOutboxParts parts;
  private final UnmatchedReceipts unmatched;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SmsMetrics metrics;
  private final TransactionTemplate tx;

  public SmsReceipts(
      SmsOutboxEntries entries,
      SmsOutboxParts parts,
      UnmatchedReceipts unmatched,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      SmsMetrics metrics,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.parts = parts;
    this.unmatched = unmatched;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /** Applies the receipt the carrier sent for {@code carrierMessageId}, or keeps it. */
  public ReceiptResult apply(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    ReceiptResult result = tx.execute(status -> applyOrKeep(carrierMessageId, outcome, detail));
    if (result == ReceiptResult.KEPT && matchKept(List.of(carrierMessageId)) > 0) {
      result = ReceiptResult.SETTLED;
    }
    metrics.receipt(result);
    return result;
  }

  /** Applies kept receipts for these carrier ids, once their segments are recorded. */
  public int matchKept(Collection<String> carrierMessageIds) {
    List<UnmatchedReceipt> kept = tx.execute(status -> unmatched.forCarrierIds(carrierMessageIds));
    return applyKept(kept);
  }

  /** Applies kept receipts whose segments were recorded since: the sweeper's repair. */
  public int matchKept(int limit) {
    return applyKept(tx.execute(status -> unmatched.matchable(limit)));
  }

  /**
   * Settles a sent SMS whose segments are all settled (or one failed) but which is itself
   * still sent: the sweeper's repair of anything a crash left half done.
   */
  public boolean settleFromParts(String tenantId, String outboxId) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      Optional<SmsStatus> current = entries.lockStatus(tenantId, outboxId);
      return current.isPresent() && current.get() == SmsStatus.SENT
          && settleParent(tenantId, outboxId, "a segment was reported undelivered");
    }));
  }

  private int applyKept(List<UnmatchedReceipt> kept) {
    int applied = 0;
    for (UnmatchedReceipt receipt : kept) {
      boolean done = Boolean.TRUE.equals(tx.execute(status -> {
        List<CarrierPart> found = parts.byCarrierId(receipt.carrierMessageId());
        if (found.isEmpty() || !unmatched.take(receipt.id())) {
          return false;
        }
        found.forEach(part -> settlePart(part, receipt.outcome(), receipt.detail()));
        return true;
      }));
      if (done) {
        applied++;
        metrics.receipt(ReceiptResult.SETTLED);
      }
    }
    return applied;
  }

  private ReceiptResult applyOrKeep(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    List<CarrierPart> found = parts.byCarrierId(carrierMessageId);
    if (found.isEmpty()) {
      unmatched.keep(
          new UnmatchedReceipt(ids.next(), carrierMessageId, outcome, detail, clock.instant()));
      return ReceiptResult.KEPT;
    }
    boolean changed = false;
    for (CarrierPart part : found) {
      changed |= settlePart(part, outcome, detail);
    }
    return changed ? ReceiptResult.SETTLED : ReceiptResult.DUPLICATE;
  }

  /** The SMS's row is locked first: every later read in this transaction sees the others' commits. */
  private boolean settlePart(CarrierPart part, DeliveryOutcome outcome, String detail) {
    Optional<SmsStatus> current = entries.lockStatus(part.tenantId(), part.outboxId());
    SmsStatus partStatus =
        outcome == DeliveryOutcome.DELIVERED ? SmsStatus.DELIVERED : SmsStatus.FAILED;
    if (!parts.settle(part, partStatus)) {
      return false;
    }
    if (current.isPresent() && current.get() == SmsStatus.SENT) {
      settleParent(part.tenantId(), part.outboxId(), detail);
    }
    return true;
  }

  private boolean settleParent(String tenantId, String outboxId, String detail) {
    List<SmsStatus> statuses = parts.statuses(tenantId, outboxId);
    SmsStatus outcome;
    String error = null;
    if (statuses.contains(SmsStatus.FAILED)) {
      outcome = SmsStatus.FAILED;
      error = "Carrier reported failure: " + detail;
    } else if (!statuses.isEmpty() && statuses.stream().allMatch(SmsStatus.DELIVERED::equals)) {
      outcome = SmsStatus.DELIVERED;
    } else {
      return false;
    }
    if (!entries.settle(tenantId, outboxId, outcome, error, clock.instant())) {
      return false;
    }
    SmsOutboxEntry entry = entries.find(tenantId, outboxId).orElseThrow();
    events.publishEvent(new SmsStatusChanged(tenantId, outboxId, entry.messageId(), outcome));
    metrics.settled(outcome);
    if (outcome == SmsStatus.FAILED) {
      metrics.failure(SmsFailureReason.UNDELIVERED);
    }
    return true;
  }
}
