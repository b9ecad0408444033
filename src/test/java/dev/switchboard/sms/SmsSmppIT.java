package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sms.internal.SmppGateway;
import dev.switchboard.sms.internal.SmppSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMPP carrier and the outbox against a real in-process SMSC on the loopback interface. */
class SmsSmppIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final SmsRig rig = new SmsRig();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final int port = TestSmsc.freePort();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
  }

  private TestSmsc smsc() {
    TestSmsc smsc = new TestSmsc(port);
    open.add(smsc);
    return smsc;
  }

  private SmppGateway gateway() {
    SmppSettings settings = new SmppSettings("127.0.0.1", port, "switchboard", "secret", "",
        (byte) 1, (byte) 1, (byte) 1, (byte) 1, Duration.ofSeconds(5), Duration.ofMillis(200));
    SmppGateway gateway = new SmppGateway(settings, rig.carrierEvents, rig.clock);
    open.add(gateway);
    gateway.start();
    return gateway;
  }

  /** A gateway already bound to the running SMSC, so the first attempt cannot race the bind. */
  private SmppGateway boundGateway() {
    SmppGateway gateway = gateway();
    await().atMost(WAIT).until(gateway::isBound);
    return gateway;
  }

  private SmsOutboxPoller poller(SmsGateway gateway, int maxAttempts) {
    OutboxPolicy policy = SmsRig.policy(maxAttempts);
    SmsOutboxPoller poller = new SmsOutboxPoller(rig.worker(gateway, policy), policy);
    open.add(poller::stop);
    poller.start();
    return poller;
  }

  @Test
  void submitThenDeliveryReceiptReachesDelivered() throws Exception {
    TestSmsc smsc = smsc();
    poller(boundGateway(), 5);
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
    poller(boundGateway(), 5);
    SmsOutboxEntry entry = rig.enqueue("+15551230002", "Hi");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.SENT);
    smsc.sendReceipt(smsc.acceptedIds().getFirst(), "UNDELIV");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.FAILED);
    assertThat(rig.entry(entry.id()).lastError()).contains("UNDELIV");
  }

  @Test
  void longGsmAndUnicodeTextsArriveAsConcatenatedSegments() {
    TestSmsc smsc = smsc();
    poller(boundGateway(), 5);
    String gsm = "Price {EUR} 100€, paid. ".repeat(15);
    String unicode = "Merhaba dünya, nasılsın? Görüşürüz 😀 ".repeat(5);
    SmsOutboxEntry gsmEntry = rig.enqueue("+15551230003", gsm);
    SmsOutboxEntry unicodeEntry = rig.enqueue("+15551230004", unicode);
    await().atMost(WAIT).until(() -> rig.status(gsmEntry.id()) == SmsStatus.SENT
        && rig.status(unicodeEntry.id()) == SmsStatus.SENT);

    assertThat(reassembled(smsc, "15551230003")).isEqualTo(gsm);
    assertThat(reassembled(smsc, "15551230004")).isEqualTo(unicode);
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
  void whileTheCarrierIsDownSmsStayQueuedThenGoOutOnceAfterReconnect() {
    SmppGateway gateway = gateway();
    SmsOutboxWorker worker = rig.worker(gateway, SmsRig.policy(1_000));
    List<SmsOutboxEntry> queued = List.of(
        rig.enqueue("+15551230010", "one"), rig.enqueue("+15551230011", "two"),
        rig.enqueue("+15551230012", "three"));
    await().atMost(WAIT).until(() -> {
      worker.runOnce();
      return queued.stream().allMatch(e -> rig.entry(e.id()).attempts() >= 2);
    });
    assertThat(queued).allSatisfy(e -> {
      assertThat(rig.status(e.id())).isEqualTo(SmsStatus.QUEUED);
      assertThat(rig.entry(e.id()).lastError()).contains("not bound");
    });

    TestSmsc smsc = smsc();
    // Two workers, as on two nodes, compete for the same rows.
    poller(gateway, 1_000);
    poller(gateway, 1_000);
    await().atMost(WAIT).until(
        () -> queued.stream().allMatch(e -> rig.status(e.id()) == SmsStatus.SENT));
    assertThat(smsc.submits).extracting(SubmitSm::getDestAddress)
        .containsExactlyInAnyOrder("15551230010", "15551230011", "15551230012");
  }

  @Test
  void aPermanentRejectionFailsWithoutRetry() {
    TestSmsc smsc = smsc();
    smsc.rejected.add("15551230020");
    poller(boundGateway(), 5);
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
    poller(boundGateway(), 3);
    SmsOutboxEntry entry = rig.enqueue("+15551230030", "busy");
    await().atMost(WAIT).until(() -> rig.status(entry.id()) == SmsStatus.FAILED);
    assertThat(rig.entry(entry.id()).lastError()).startsWith("Gave up after 3 attempts").contains("0x58");
    assertThat(smsc.submits).hasSize(3);
  }

  @Test
  void aRestartedWorkerSendsNothingTwice() {
    TestSmsc smsc = smsc();
    SmppGateway gateway = gateway();
    await().atMost(WAIT).until(gateway::isBound);
    SmsOutboxEntry sent = rig.enqueue("+15551230040", "sent before the restart");
    assertThat(rig.worker(gateway, SmsRig.policy(5)).runOnce()).isEqualTo(1);

    // A worker that died mid-send: claimed, lease already expired, no carrier id recorded.
    SmsOutboxEntry abandoned = rig.enqueue("+15551230041", "outcome unknown");
    rig.tx.executeWithoutResult(status -> rig.entries.claim(rig.tenantId, abandoned.id(),
        rig.ids.next(), rig.clock.instant(), rig.clock.instant().minusSeconds(1)));

    SmsOutboxWorker restarted = rig.worker(gateway, SmsRig.policy(5));
    assertThat(restarted.runOnce()).isZero();
    assertThat(restarted.runOnce()).isZero();
    assertThat(rig.status(sent.id())).isEqualTo(SmsStatus.SENT);
    assertThat(rig.status(abandoned.id())).isEqualTo(SmsStatus.FAILED);
    assertThat(rig.entry(abandoned.id()).lastError()).isEqualTo(SmsOutboxWorker.OUTCOME_UNKNOWN);
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
