package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sms.internal.SmppGateway;
import dev.switchboard.sms.internal.SmppSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;

/** The SMPP carrier and the outbox against a real in-process SMSC on the loopback interface. */
class SmsSmppIT extends SmppTestBase {
  @Test
  void submitThenDeliveryReceiptReachesDelivered() throws Exception {
    TestSmsc smsc = smsc();
    poller(bound(gateway()), 5);
    SmsOutboxEntry entry = rig.enqueue("+15551230001", "Hello from Switchboard");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.SENT);

    SubmitSm submitted = smsc.submits.getFirst();
    assertThat(submitted.getDestAddress()).isEqualTo("15551230001");
    assertThat(submitted.getSourceAddr()).isEqualTo("15550000001");
    assertThat(submitted.isSmscDelReceiptSuccessAndFailureRequested()).isTrue();
    assertThat(new String(submitted.getShortMessage(), StandardCharsets.US_ASCII))
        .isEqualTo("Hello from Switchboard");
    assertThat(rig.entry(entry.id()).segments()).isEqualTo(1);

    smsc.sendReceipt(smsc.acceptedIds().getFirst(), "DELIVRD");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.DELIVERED);
    assertThat(rig.statusHistory(entry.id())).containsExactly(
        SmsStatus.QUEUED, SmsStatus.SENDING, SmsStatus.SENT, SmsStatus.DELIVERED);
  }

  @Test
  void anUndeliverableReceiptFailsTheSms() throws Exception {
    TestSmsc smsc = smsc();
    poller(bound(gateway()), 5);
    SmsOutboxEntry entry = rig.enqueue("+15551230002", "Hi");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.SENT);
    smsc.sendReceipt(smsc.acceptedIds().getFirst(), "UNDELIV");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.FAILED);
    assertThat(rig.entry(entry.id()).lastError()).contains("UNDELIV");
  }

  @Test
  void longGsmAndUnicodeTextsArriveAsConcatenatedSegments() {
    TestSmsc smsc = smsc();
    poller(bound(gateway()), 5);
    String gsm = "Price {EUR} 100€, paid. ".repeat(15);
    String unicode = "Merhaba dünya, nasılsın? Görüşürüz 😀 ".repeat(5);
    SmsOutboxEntry gsmEntry = rig.enqueue("+15551230003", gsm);
    SmsOutboxEntry unicodeEntry = rig.enqueue("+15551230004", unicode);
    await().atMost(WAIT).until(() -> rig.status(gsmEntry.id()) == SmsStatus.SENT
        && rig.status(unicodeEntry.id()) == SmsStatus.SENT);

    assertThat(reassembled(smsc, "15551230003")).isEqualTo(gsm);
    assertThat(reassembled(smsc, "15551230004")).isEqualTo(unicode);
    // The UDH reference is the outbox id's last byte: no per-node counter, the same on any node.
    assertThat(references(smsc, "15551230003")).containsOnly(lastByte(gsmEntry.id()));
    assertThat(references(smsc, "15551230004")).containsOnly(lastByte(unicodeEntry.id()));
    assertThat(rig.entry(gsmEntry.id()).segments()).isEqualTo(3);
    assertThat(rig.entry(unicodeEntry.id()).segments())
        .isEqualTo(smsc.submits.stream().filter(s -> s.getDestAddress().equals("15551230004")).count());
  }

  @Test
  void inboundSmsIsRoutedToTheNumbersUserAndConcatenatedPartsAreJoined() throws Exception {
    TestSmsc smsc = smsc();
    SmppGateway gateway = gateway();
    rig.number("+15557770001", rig.user("alice"));
    await().atMost(WAIT).until(() -> gateway.isBound() && smsc.bound());

    smsc.sendMo("15559990000", "15550000404", (byte) 0, false, "nobody".getBytes());
    smsc.sendMo("15559990000", "15557770001", (byte) 0, false, "Hi Alice".getBytes());
    byte[] second = concat(new byte[] {5, 0, 3, 42, 2, 2}, "dünya".getBytes(StandardCharsets.UTF_16BE));
    byte[] first = concat(new byte[] {5, 0, 3, 42, 2, 1}, "Merhaba ".getBytes(StandardCharsets.UTF_16BE));
    smsc.sendMo("15559990000", "15557770001", (byte) 8, true, second);
    smsc.sendMo("15559990000", "15557770001", (byte) 8, true, first);

    await().atMost(WAIT).until(() -> rig.events(InboundSmsReceived.class).size() == 2);
    assertThat(rig.events(InboundSmsReceived.class))
        .allSatisfy(event -> {
          assertThat(event.tenantId()).isEqualTo(rig.tenantId);
          assertThat(event.userId()).isEqualTo("alice");
          assertThat(event.from()).isEqualTo("+15559990000");
          assertThat(event.to()).isEqualTo("+15557770001");
        })
        .extracting(InboundSmsReceived::text)
        .containsExactlyInAnyOrder("Hi Alice", "Merhaba dünya");
  }

  @Test
  void whileTheCarrierIsDownSmsStayQueuedUnclaimedThenGoOutOnceAfterReconnect() {
    SmppGateway gateway = gateway();
    SmsOutboxWorker worker = rig.worker(gateway, SmsRig.policy(3));
    List<SmsOutboxEntry> queued = List.of(
        rig.enqueue("+15551230010", "one"), rig.enqueue("+15551230011", "two"),
        rig.enqueue("+15551230012", "three"));
    for (int pass = 0; pass < 5; pass++) {
      assertThat(worker.runOnce()).isZero();
    }
    // No bind, no room: nothing is claimed, so no attempt is spent while the carrier is away.
    assertThat(queued).allSatisfy(e -> {
      assertThat(rig.status(e.id())).isEqualTo(SmsStatus.QUEUED);
      assertThat(rig.entry(e.id()).attempts()).isZero();
    });

    TestSmsc smsc = smsc();
    // Two workers, as on two nodes, compete for the same rows.
    poller(gateway, 3);
    poller(gateway, 3);
    await().atMost(WAIT).until(
        () -> queued.stream().allMatch(e -> rig.status(e.id()) == SmsStatus.SENT));
    assertThat(smsc.submits).extracting(SubmitSm::getDestAddress)
        .containsExactlyInAnyOrder("15551230010", "15551230011", "15551230012");
    assertThat(queued).allSatisfy(e -> assertThat(rig.entry(e.id()).attempts()).isEqualTo(1));
  }

  @Test
  void aPermanentRejectionFailsWithoutRetry() {
    TestSmsc smsc = smsc();
    smsc.rejected.add("15551230020");
    poller(bound(gateway()), 5);
    SmsOutboxEntry entry = rig.enqueue("+15551230020", "to nowhere");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.FAILED);
    assertThat(rig.entry(entry.id()).lastError()).contains("0x0B");
    assertThat(rig.entry(entry.id()).attempts()).isEqualTo(1);
    assertThat(smsc.submits).hasSize(1);
  }

  @Test
  void throttlingIsRetriedUpToTheLimitThenFails() {
    TestSmsc smsc = smsc();
    smsc.throttled.add("15551230030");
    poller(bound(gateway()), 3);
    SmsOutboxEntry entry = rig.enqueue("+15551230030", "busy");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.FAILED);
    assertThat(rig.entry(entry.id()).lastError()).startsWith("Gave up after 3 attempts").contains("0x58");
    assertThat(smsc.submits).hasSize(3);
  }

  @Test
  void anSmsItsSenderDiedWithIsMarkedUnknownAndNeverResent() {
    TestSmsc smsc = smsc();
    SmppGateway gateway = bound(gateway());
    SmsOutboxEntry sent = rig.enqueue("+15551230040", "sent before the restart");
    assertThat(rig.worker(gateway, SmsRig.policy(5)).runOnce()).isEqualTo(1);

    // A worker that died mid-send: claimed, lease already expired, no carrier id recorded.
    SmsOutboxEntry abandoned = rig.enqueue("+15551230041", "outcome unknown");
    rig.tx.executeWithoutResult(status -> rig.entries.claim(rig.tenantId, abandoned.id(),
        rig.ids.next(), rig.clock.instant(), rig.clock.instant().minusSeconds(1)));

    SmsOutboxWorker restarted = rig.worker(gateway, SmsRig.policy(5));
    SmsOutboxSweeper sweeper = rig.sweeper(SmsRig.policy(5));
    assertThat(restarted.runOnce()).isZero();
    assertThat(sweeper.sweep()).isEqualTo(1);
    assertThat(restarted.runOnce()).isZero();
    assertThat(sweeper.sweep()).isZero();
    assertThat(rig.status(sent.id())).isEqualTo(SmsStatus.SENT);
    assertThat(rig.status(abandoned.id())).isEqualTo(SmsStatus.UNKNOWN);
    assertThat(rig.entry(abandoned.id()).lastError()).isEqualTo(SmsOutboxSweeper.ABANDONED);
    assertThat(rig.count("switchboard.sms.outbox.failures", "reason", "abandoned")).isEqualTo(1);
    assertThat(smsc.submits).extracting(SubmitSm::getDestAddress).containsExactly("15551230040");
  }

  /** Joins the segments one destination received, decoding them independently of production code. */
  private static String reassembled(TestSmsc smsc, String destination) {
    Map<Integer, String> parts = new TreeMap<>();
    for (SubmitSm submit : smsc.submits) {
      if (!submit.getDestAddress().equals(destination)) {
        continue;
      }
      byte[] message = submit.getShortMessage();
      assertThat(submit.isUdhi()).isTrue();
      assertThat(message[0]).isEqualTo((byte) 5);
      int sequence = message[5];
      byte[] body = java.util.Arrays.copyOfRange(message, 6, message.length);
      parts.put(sequence, submit.getDataCoding() == 8
          ? new String(body, StandardCharsets.UTF_16BE)
          : gsmToText(body));
    }
    return String.join("", parts.values());
  }

  private static List<Integer> references(TestSmsc smsc, String destination) {
    return smsc.submits.stream()
        .filter(s -> s.getDestAddress().equals(destination))
        .map(s -> s.getShortMessage()[3] & 0xFF)
        .toList();
  }

  private static int lastByte(String outboxId) {
    return Integer.parseInt(outboxId.substring(22), 16);
  }

  /** Enough of GSM 03.38 for the test text: ASCII-identical codes plus three escapes. */
  private static String gsmToText(byte[] septets) {
    Map<Integer, Character> escapes = Map.of(0x65, '€', 0x28, '{', 0x29, '}');
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < septets.length; i++) {
      text.append(septets[i] == 0x1B ? escapes.get((int) septets[++i]) : (char) septets[i]);
    }
    return text.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
