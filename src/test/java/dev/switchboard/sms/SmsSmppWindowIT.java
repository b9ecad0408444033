package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sms.internal.SmppBindType;
import dev.switchboard.sms.internal.SmppGateway;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.Test;

/**
 * Several submits in flight per bind (the window), transmitter plus receiver binds, several binds
 * per node and two nodes on one outbox. Throughput itself is measured by the benchmark
 * ({@code bench/run}, scenario {@code sms-submit}), not here.
 */
class SmsSmppWindowIT extends SmppTestBase {
  private List<SmsOutboxEntry> enqueue(int count, int firstNumber) {
    return IntStream.range(0, count)
        .mapToObj(i -> rig.enqueue("+1555" + (firstNumber + i), "windowed " + i))
        .toList();
  }

  private long inStatus(List<SmsOutboxEntry> entries, SmsStatus status) {
    return statuses(entries).stream().filter(status::equals).count();
  }

  @Test
  void eachTransmitterKeepsItsWindowOfSubmitsInFlightAndReceiptsComeOnTheReceiver() {
    TestSmsc smsc = smsc();
    smsc.holdAnswers();
    SmppGateway gateway =
        bound(gateway(SmppBindType.TRANSMITTER_RECEIVER, 2, 1, 3, Duration.ofSeconds(10)));
    assertThat(smsc.binds).containsExactlyInAnyOrder(
        BindType.BIND_TX, BindType.BIND_TX, BindType.BIND_RX);
    poller(gateway, 3);
    List<SmsOutboxEntry> sent = enqueue(10, 3000001);

    // Two transmitters with a window of 3: six submits wait for their answer at once, no more;
    // the other four are claimed and wait for a place in the window.
    await().atMost(WAIT).until(() -> inStatus(sent, SmsStatus.SENDING) == 10 && smsc.held() == 6);
    assertThat(smsc.submits).hasSize(6);
    for (String bind : List.of("smpp-tx-1", "smpp-tx-2")) {
      assertThat(rig.meters.find("switchboard.sms.smpp.window.in.use").tag("bind", bind).gauge()
          .value()).isEqualTo(3);
    }

    smsc.receipts = TestSmsc.Receipts.ALL_AT_ONCE;
    smsc.releaseAnswers();
    await().atMost(WAIT).until(() -> inStatus(sent, SmsStatus.DELIVERED) == 10);
    assertThat(sent).allSatisfy(e -> assertThat(smsc.submitsTo(wire(e.to()))).isEqualTo(1));
    assertThat(gateway.connections()).extracting(CarrierConnection::name)
        .containsExactly("smpp-tx-1", "smpp-tx-2", "smpp-rx-1");
    assertThat(gateway.connections()).allMatch(CarrierConnection::up);
  }

  @Test
  void twoNodesWithBindsOfTheirOwnSendEachSmsOnceAndSettleReceiptsFromEitherBind() {
    TestSmsc smsc = smsc();
    smsc.receipts = TestSmsc.Receipts.ALL_AT_ONCE;
    SmppGateway nodeA = bound(gateway(SmppBindType.TRANSCEIVER, 2, 0, 2, Duration.ofSeconds(10)));
    SmppGateway nodeB = bound(gateway(SmppBindType.TRANSCEIVER, 1, 0, 2, Duration.ofSeconds(10)));
    List<SmsOutboxEntry> sent = enqueue(30, 3000101);
    poller(nodeA, 3);
    poller(nodeB, 3);

    await().atMost(WAIT).until(() -> inStatus(sent, SmsStatus.DELIVERED) == 30);
    assertThat(sent).allSatisfy(e -> assertThat(smsc.submitsTo(wire(e.to()))).isEqualTo(1));
    assertThat(smsc.submits).hasSize(30);
    assertThat(rig.count("switchboard.sms.outbox.attempts")).isEqualTo(30);
  }

  @Test
  void aBindThatDropsIsReportedDownOnceAndUpAgainWhenItRebinds() {
    TestSmsc first = smsc();
    SmppGateway gateway = bound(gateway());
    assertThat(gateway.connections().getFirst().up()).isTrue();
    assertThat(rig.meters.find("switchboard.sms.carrier.up").tag("connection", "smpp-trx-1")
        .gauge().value()).isEqualTo(1);

    first.kill();
    await().atMost(WAIT).until(() -> !gateway.connections().getFirst().up());
    assertThat(gateway.available()).isFalse();
    assertThat(rig.meters.find("switchboard.sms.carrier.up").tag("connection", "smpp-trx-1")
        .gauge().value()).isZero();

    restartedSmsc();
    await().atMost(WAIT).until(() -> gateway.connections().getFirst().up());
    assertThat(gateway.available()).isTrue();
  }
}
