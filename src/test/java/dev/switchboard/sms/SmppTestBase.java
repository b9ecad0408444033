package dev.switchboard.sms;

import static org.awaitility.Awaitility.await;

import dev.switchboard.sms.internal.SmppBindType;
import dev.switchboard.sms.internal.SmppGateway;
import dev.switchboard.sms.internal.SmppSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;

/**
 * What the SMPP tests share: a fresh {@link SmsRig}, SMSCs and gateways on a free loopback port,
 * pollers as the server runs them, all closed after each test in reverse order.
 */
abstract class SmppTestBase {
  static final Duration WAIT = Duration.ofSeconds(20);

  final SmsRig rig = new SmsRig();
  final int port = TestSmsc.freePort();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
    rig.close();
  }

  TestSmsc smsc() {
    TestSmsc smsc = new TestSmsc(port);
    open.add(smsc);
    return smsc;
  }

  /**
   * An SMSC on the port of one just killed. The killed one's connections may hold the port for a
   * moment while the kernel finishes closing them, so binding is retried until it works.
   */
  TestSmsc restartedSmsc() {
    AtomicReference<TestSmsc> started = new AtomicReference<>();
    await().atMost(WAIT).ignoreExceptions().until(() -> {
      started.set(new TestSmsc(port));
      return true;
    });
    open.add(started.get());
    return started.get();
  }

  /** One transceiver, window 1, answers within 10 s: the plain session. */
  SmppGateway gateway() {
    return gateway(SmppBindType.TRANSCEIVER, 1, 0, 1, Duration.ofSeconds(10));
  }

  SmppGateway gateway(SmppBindType type, int binds, int receivers, int window,
      Duration responseTimeout) {
    SmppSettings settings = new SmppSettings("127.0.0.1", port, "switchboard", "secret", "",
        (byte) 1, (byte) 1, (byte) 1, (byte) 1, Duration.ofSeconds(5), Duration.ofMillis(200),
        type, binds, receivers, window, responseTimeout);
    SmppGateway gateway = new SmppGateway(settings, rig.carrierEvents, rig.clock, rig.metrics);
    open.add(gateway);
    gateway.start();
    return gateway;
  }

  /** A gateway already bound to the running SMSC, so the first attempt cannot race the bind. */
  SmppGateway bound(SmppGateway gateway) {
    await().atMost(WAIT).until(gateway::isBound);
    return gateway;
  }

  SmsOutboxPoller poller(SmsGateway gateway, int maxAttempts) {
    OutboxPolicy policy = SmsRig.policy(maxAttempts);
    SmsOutboxPoller poller = new SmsOutboxPoller(rig.worker(gateway, policy), policy);
    open.add(poller::stop);
    poller.start();
    return poller;
  }

  /** Every outbox entry's status in one list, for "each ended in exactly one state" checks. */
  List<SmsStatus> statuses(List<SmsOutboxEntry> sent) {
    return sent.stream().map(e -> rig.status(e.id())).toList();
  }

  static String wire(String e164) {
    return e164.substring(1);
  }
}
