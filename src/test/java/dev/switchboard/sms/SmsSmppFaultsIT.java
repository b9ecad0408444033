package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sms.internal.SmppBindType;
import dev.switchboard.sms.internal.SmppGateway;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The SMPP carrier misbehaving as real ones do, against the real outbox: every SMS ends in
 * exactly one final state, and none is submitted twice where the policy forbids it (counted at
 * the SMSC, per destination).
 */
class SmsSmppFaultsIT extends SmppTestBase {
  private static final String LONG_TEXT = "Segments arrive together. ".repeat(14);

  private List<SmsOutboxEntry> enqueue(int count, int firstNumber, String text) {
    return IntStream.range(0, count)
        .mapToObj(i -> rig.enqueue("+1555" + (firstNumber + i), text))
        .toList();
  }

  private boolean allIn(List<SmsOutboxEntry> entries, SmsStatus... finals) {
    return statuses(entries).stream().allMatch(s -> List.of(finals).contains(s));
  }

  @Test
  void everySegmentsReceiptAtOnceSettlesEachSmsExactlyOnce() {
    TestSmsc smsc = smsc();
    smsc.receipts = TestSmsc.Receipts.ALL_AT_ONCE;
    poller(bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 4, Duration.ofSeconds(10))), 3);
    List<SmsOutboxEntry> sent = enqueue(6, 2000001, LONG_TEXT);

    await().atMost(WAIT).until(() -> allIn(sent, SmsStatus.DELIVERED, SmsStatus.FAILED));
    assertThat(statuses(sent)).containsOnly(SmsStatus.DELIVERED);
    assertThat(sent).allSatisfy(e -> {
      assertThat(rig.entry(e.id()).segments()).isEqualTo(3);
      assertThat(smsc.submitsTo(wire(e.to()))).isEqualTo(3);
      assertThat(rig.statusHistory(e.id())).containsOnlyOnce(SmsStatus.DELIVERED);
    });
    assertThat(rig.count("switchboard.sms.outbox.settled", "status", "delivered")).isEqualTo(6);
    assertThat(rig.unmatchedReceipts()).isZero();
  }

  @Test
  void receiptsThatOvertakeTheSubmitAnswerAreKeptThenApplied() {
    TestSmsc smsc = smsc();
    smsc.receipts = TestSmsc.Receipts.BEFORE_ANSWER;
    poller(bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 5, Duration.ofSeconds(10))), 3);
    List<SmsOutboxEntry> sent = enqueue(20, 2000101, "fast carrier");

    await().atMost(WAIT).until(() -> allIn(sent, SmsStatus.DELIVERED, SmsStatus.FAILED));
    assertThat(statuses(sent)).containsOnly(SmsStatus.DELIVERED);
    // Each receipt came before its SMS was recorded as sent: kept, then applied once.
    assertThat(rig.count("switchboard.sms.receipts", "result", "kept")).isEqualTo(20);
    assertThat(rig.count("switchboard.sms.receipts", "result", "settled")).isEqualTo(20);
    assertThat(rig.unmatchedReceipts()).isZero();
    assertThat(smsc.submits).hasSize(20);
  }

  @Test
  void aSubmitNeverAnsweredIsUnknownAndNotResentUntilAnOperatorSaysSo() throws Exception {
    TestSmsc smsc = smsc();
    smsc.silent.add("15552000201");
    SmppGateway gateway = bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 2, Duration.ofSeconds(2)));
    poller(gateway, 5);
    SmsOutboxEntry lost = rig.enqueue("+15552000201", "into the void");
    await().atMost(WAIT).until(() -> rig.status(lost.id()) == SmsStatus.UNKNOWN);

    // The outbox goes on: a later SMS leaves, and sweeps change nothing about the unknown one.
    SmsOutboxEntry next = rig.enqueue("+15552000202", "after it");
    await().atMost(WAIT).until(() -> rig.status(next.id()) == SmsStatus.SENT);
    rig.sweeper(SmsRig.policy(5)).sweep();
    assertThat(rig.status(lost.id())).isEqualTo(SmsStatus.UNKNOWN);
    assertThat(rig.entry(lost.id())).satisfies(e -> {
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.lastError()).startsWith("Outcome unknown, not resent: no valid answer");
    });
    assertThat(smsc.submitsTo("15552000201")).isEqualTo(1);
    assertThat(rig.count("switchboard.sms.outbox.failures", "reason", "outcome_unknown"))
        .isEqualTo(1);
    assertThat(rig.meters.find("switchboard.sms.smpp.submit").tag("outcome", "unknown").timer()
        .count()).isEqualTo(1);

    smsc.silent.clear();
    rig.outbox.retry(rig.tenantId, lost.id());
    await().atMost(WAIT).until(() -> rig.status(lost.id()) == SmsStatus.SENT);
    assertThat(smsc.submitsTo("15552000201")).isEqualTo(2);
  }

  @Test
  void throttlingIsRetriedWhilePermanentErrorsAndLaterSegmentRefusalsAreNot() throws Exception {
    TestSmsc smsc = smsc();
    smsc.throttled.add("15552000301");
    smsc.rejected.add("15552000302");
    smsc.rejectedSegments.add("15552000303/2");
    poller(bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 3, Duration.ofSeconds(10))), 10);
    SmsOutboxEntry busy = rig.enqueue("+15552000301", "busy line");
    SmsOutboxEntry refused = rig.enqueue("+15552000302", "no such number");
    SmsOutboxEntry half = rig.enqueue("+15552000303", LONG_TEXT);

    await().atMost(WAIT).until(() -> rig.entry(busy.id()).attempts() >= 2);
    smsc.throttled.clear();
    await().atMost(WAIT).until(() -> rig.status(busy.id()) == SmsStatus.SENT
        && rig.status(refused.id()) == SmsStatus.FAILED
        && rig.status(half.id()) == SmsStatus.FAILED);
    // Throttled submits were refused by the SMSC, so trying again sent nothing twice.
    assertThat(smsc.submitsTo("15552000301")).isEqualTo(rig.entry(busy.id()).attempts());
    assertThat(smsc.submitsTo("15552000302")).isEqualTo(1);
    assertThat(smsc.submitsTo("15552000303")).isEqualTo(2);
    assertThat(rig.entry(half.id()).lastError())
        .contains("after 1 of 3 segments were accepted; not retried");
    assertThat(rig.count("switchboard.sms.outbox.failures", "reason", "transient"))
        .isEqualTo(rig.entry(busy.id()).attempts() - 1);
    assertThat(rig.count("switchboard.sms.outbox.failures", "reason", "refused")).isEqualTo(2);

    // The accepted first segment still has its receipt matched, not kept forever.
    String firstSegment = rig.jdbc.sql(
            "SELECT carrier_message_id FROM sms_outbox_parts WHERE tenant_id = ? AND outbox_id = ?")
        .params(rig.tenantId, half.id()).query(String.class).single();
    assertThat(smsc.acceptedIds()).contains(firstSegment);
    smsc.sendReceipt(firstSegment, "DELIVRD");
    assertThat(rig.parts.statuses(rig.tenantId, half.id())).containsExactly(SmsStatus.DELIVERED);
    assertThat(rig.status(half.id())).isEqualTo(SmsStatus.FAILED);
    assertThat(rig.unmatchedReceipts()).isZero();
  }

  @Test
  void aCarrierKilledMidBurstLeavesEverySmsInOneFinalStateAndNoneSentTwice() {
    TestSmsc first = smsc();
    first.holdAnswers();
    SmppGateway gateway = bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 4, Duration.ofSeconds(3)));
    List<SmsOutboxEntry> burst = enqueue(12, 2000401, "burst");
    poller(gateway, 5);
    await().atMost(WAIT).untilAsserted(() -> assertThat(first.held())
        .as("answers held; SMS %s, submits %d", statuses(burst), first.submits.size())
        .isEqualTo(4));

    first.kill();
    TestSmsc second = restartedSmsc();
    second.receipts = TestSmsc.Receipts.ALL_AT_ONCE;
    await().atMost(WAIT).until(() -> allIn(burst, SmsStatus.DELIVERED, SmsStatus.UNKNOWN,
        SmsStatus.FAILED));

    // The four on the wire when it died got no answer: unknown, never resent. The rest went out
    // once on the SMSC that came back and were delivered. (Should the client write a submit on
    // the dead connection before it notices, that one is unknown too, and reached no SMSC.)
    List<SmsStatus> ended = statuses(burst);
    long delivered = ended.stream().filter(SmsStatus.DELIVERED::equals).count();
    assertThat(ended).containsOnly(SmsStatus.DELIVERED, SmsStatus.UNKNOWN);
    assertThat(first.submits).hasSize(4);
    assertThat(second.submits).hasSize((int) delivered);
    for (SmsOutboxEntry entry : burst) {
      long submits = first.submitsTo(wire(entry.to())) + second.submitsTo(wire(entry.to()));
      if (rig.status(entry.id()) == SmsStatus.DELIVERED) {
        assertThat(second.submitsTo(wire(entry.to()))).isEqualTo(1);
      } else {
        assertThat(submits).isLessThanOrEqualTo(1);
      }
    }
    assertThat(first.submits).allSatisfy(held ->
        assertThat(rig.status(entryTo(burst, held.getDestAddress()).id()))
            .isEqualTo(SmsStatus.UNKNOWN));
    assertThat(rig.count("switchboard.sms.outbox.settled", "status", "unknown"))
        .isEqualTo(12 - delivered);
  }

  private static SmsOutboxEntry entryTo(List<SmsOutboxEntry> entries, String wireNumber) {
    return entries.stream().filter(e -> wire(e.to()).equals(wireNumber)).findFirst().orElseThrow();
  }
}
