package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New SMS refused above the outbox's limits, with the reason in the answer and the metric. */
class SmsBackpressureIT {
  @Test
  void aQueueAtItsDepthLimitRefusesNewSmsUntilItDrains() {
    try (SmsRig rig = new SmsRig(new BackpressurePolicy(3, Duration.ofMinutes(5)))) {
      List<SmsOutboxEntry> queued = List.of(rig.enqueue("+15555000001", "a"),
          rig.enqueue("+15555000002", "b"));
      rig.load.refresh();
      assertThatCode(rig.outbox::requireCapacity).doesNotThrowAnyException();

      rig.enqueue("+15555000003", "c");
      rig.load.refresh();
      assertThatThrownBy(rig.outbox::requireCapacity)
          .isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("SMS outbox is full, try again later");
            assertThat(e.details()).containsExactly("3 SMS queued (limit 3)");
          });
      assertThat(rig.count("switchboard.sms.refused", "reason", "depth")).isEqualTo(1);
      assertThat(rig.meters.find("switchboard.sms.outbox.depth").tag("status", "queued").gauge()
          .value()).isEqualTo(3);

      Instant now = rig.clock.instant();
      rig.tx.executeWithoutResult(status -> rig.entries.claim(rig.tenantId,
          queued.getFirst().id(), "tok", now, now.plusSeconds(60)));
      rig.load.refresh();
      assertThatCode(rig.outbox::requireCapacity).doesNotThrowAnyException();
    }
  }

  @Test
  void anSmsWaitingTooLongPastItsDueTimeRefusesNewOnes() {
    try (SmsRig rig = new SmsRig(new BackpressurePolicy(1_000, Duration.ofSeconds(30)))) {
      Instant longAgo = rig.clock.instant().minus(Duration.ofMinutes(2));
      rig.tx.executeWithoutResult(status -> rig.entries.insert(SmsOutboxEntry.queued(rig.tenantId,
          rig.ids.next(), null, "+15550000001", "+15555000010", "stale", longAgo)));
      // One backing off after a failure is not late: it is not due yet.
      rig.tx.executeWithoutResult(status -> rig.entries.insert(SmsOutboxEntry.queued(rig.tenantId,
          rig.ids.next(), null, "+15550000001", "+15555000011", "later",
          rig.clock.instant().plus(Duration.ofHours(1)))));
      rig.load.refresh();

      assertThat(rig.load.current().oldestDueWait()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
      assertThatThrownBy(rig.outbox::requireCapacity)
          .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details().getFirst())
              .startsWith("the oldest due SMS has waited").endsWith("(limit 30 s)"));
      assertThat(rig.count("switchboard.sms.refused", "reason", "wait")).isEqualTo(1);
    }
  }
}
