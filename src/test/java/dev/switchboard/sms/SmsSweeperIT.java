package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweeper's repairs, each on a state a crash or a race could leave behind. */
class SmsSweeperIT {
  private final SmsRig rig = new SmsRig();
  private final SmsOutboxSweeper sweeper = rig.sweeper(new OutboxPolicy(Duration.ofMillis(50), 3,
      Duration.ofMillis(50), Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofMinutes(30)));

  @AfterEach
  void close() {
    rig.close();
  }

  /** An SMS recorded as sent with these carrier ids, the way the worker leaves it. */
  private SmsOutboxEntry sent(String to, List<String> carrierIds) {
    SmsOutboxEntry entry = rig.enqueue(to, "swept");
    Instant now = rig.clock.instant();
    rig.tx.executeWithoutResult(status -> {
      rig.entries.claim(rig.tenantId, entry.id(), "token", now, now.plusSeconds(60));
      rig.entries.markSent(rig.tenantId, entry.id(), "token", carrierIds, carrierIds.size(), now);
    });
    return entry;
  }

  @Test
  void aSentSmsWhoseSegmentsAreAllSettledIsSettled() {
    SmsOutboxEntry delivered = sent("+15554000001", List.of("d-1", "d-2"));
    SmsOutboxEntry failed = sent("+15554000002", List.of("f-1", "f-2"));
    SmsOutboxEntry pending = sent("+15554000003", List.of("p-1", "p-2"));
    // What a crash between settling the last segment and its SMS would leave.
    rig.tx.executeWithoutResult(status -> {
      for (CarrierPart part : List.of(part("d-1"), part("d-2"), part("p-1"))) {
        rig.parts.settle(part, SmsStatus.DELIVERED);
      }
      rig.parts.settle(part("f-2"), SmsStatus.FAILED);
    });

    assertThat(sweeper.sweep()).isEqualTo(2);
    assertThat(rig.status(delivered.id())).isEqualTo(SmsStatus.DELIVERED);
    assertThat(rig.status(failed.id())).isEqualTo(SmsStatus.FAILED);
    assertThat(rig.status(pending.id())).isEqualTo(SmsStatus.SENT);
    assertThat(sweeper.sweep()).isZero();
    assertThat(rig.statusHistory(delivered.id())).containsOnlyOnce(SmsStatus.DELIVERED);
  }

  @Test
  void aKeptReceiptIsAppliedOnceItsSegmentIsRecorded() {
    assertThat(rig.outbox.receipt("early-1", DeliveryOutcome.DELIVERED, "DELIVRD"))
        .isEqualTo(ReceiptResult.KEPT);
    assertThat(rig.unmatchedReceipts()).isEqualTo(1);
    // Recorded without the worker's own look for kept receipts: as if it died right after.
    SmsOutboxEntry entry = sent("+15554000010", List.of("early-1"));

    assertThat(sweeper.sweep()).isEqualTo(1);
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.DELIVERED);
    assertThat(rig.unmatchedReceipts()).isZero();
    assertThat(sweeper.sweep()).isZero();
  }

  @Test
  void receiptsThatNeverMatchAreDroppedAfterTheirTimeAndCounted() {
    rig.outbox.receipt("stranger-1", DeliveryOutcome.DELIVERED, "DELIVRD");
    Instant old = rig.clock.instant().minus(Duration.ofHours(2));
    rig.unmatched.keep(new UnmatchedReceipt(rig.ids.next(), "stranger-2", DeliveryOutcome.FAILED,
        "UNDELIV", old));

    assertThat(sweeper.sweep()).isEqualTo(1);
    assertThat(rig.unmatchedReceipts()).isEqualTo(1);
    assertThat(rig.count("switchboard.sms.receipts", "result", "expired")).isEqualTo(1);
  }

  @Test
  void aLateAnswerFromASenderPresumedDeadStillRecordsTheTruth() {
    SmsOutboxEntry entry = rig.enqueue("+15554000020", "slow sender");
    Instant now = rig.clock.instant();
    rig.tx.executeWithoutResult(status -> rig.entries.claim(rig.tenantId, entry.id(), "slow",
        now, now.minusSeconds(1)));

    assertThat(sweeper.sweep()).isEqualTo(1);
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.UNKNOWN);
    rig.tx.executeWithoutResult(status ->
        rig.entries.markSent(rig.tenantId, entry.id(), "slow", List.of("late-1"), 1, now));
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.SENT);
    assertThat(rig.outbox.receipt("late-1", DeliveryOutcome.DELIVERED, "DELIVRD"))
        .isEqualTo(ReceiptResult.SETTLED);
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.DELIVERED);
  }

  private CarrierPart part(String carrierId) {
    return rig.parts.byCarrierId(carrierId).getFirst();
  }
}
