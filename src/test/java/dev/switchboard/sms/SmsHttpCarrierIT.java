package dev.switchboard.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.sms.internal.HttpCarrierSettings;
import dev.switchboard.sms.internal.HttpSmsGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP carrier against a tiny carrier on the loopback interface that answers as scripted. */
class SmsHttpCarrierIT {
  /** What the carrier answers next; {@code hang} keeps the request without answering. */
  private record Answer(int status, String body, boolean hang) {
    Answer(int status, String body) {
      this(status, body, false);
    }
  }

  private final SmsRig rig = new SmsRig();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final CountDownLatch hanging = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer carrier;
  private URI url;
  private SmsOutboxWorker worker;

  @BeforeEach
  void startCarrier() throws IOException {
    carrier = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    carrier.createContext("/sms", exchange -> {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      Answer answer = script.poll();
      if (answer.hang()) {
        hanging.countDown();
        awaitQuietly(release);
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    carrier.setExecutor(Executors.newCachedThreadPool());
    carrier.start();
    url = URI.create("http://127.0.0.1:" + carrier.getAddress().getPort() + "/sms");
    worker = rig.worker(gateway(Duration.ofSeconds(5)), SmsRig.policy(3));
  }

  private HttpSmsGateway gateway(Duration timeout) {
    return new HttpSmsGateway(new HttpCarrierSettings(url, "carrier-key", timeout, 2), rig.clock,
        rig.metrics);
  }

  @AfterEach
  void stopCarrier() {
    release.countDown();
    carrier.stop(0);
    rig.close();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anAcceptedSmsRecordsTheCarrierIdAndItsStatusCallbackDeliversIt() {
    script.add(new Answer(200, "{\"id\":\"carrier-77\",\"segments\":2}"));
    SmsOutboxEntry entry = rig.enqueue("+15551230100", "Hello over HTTP");
    assertThat(worker.runOnce()).isEqualTo(1);

    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.SENT);
    assertThat(rig.entry(entry.id()).segments()).isEqualTo(2);
    assertThat(authorizations).containsExactly("Bearer carrier-key");
    assertThat(requests.getFirst())
        .contains("\"from\":\"+15550000001\"", "\"to\":\"+15551230100\"",
            "\"text\":\"Hello over HTTP\"", "\"reference\":\"" + entry.id() + "\"");

    assertThat(rig.outbox.receipt("unknown-id", DeliveryOutcome.DELIVERED, "delivered"))
        .isEqualTo(ReceiptResult.KEPT);
    assertThat(rig.outbox.receipt("carrier-77", DeliveryOutcome.DELIVERED, "delivered"))
        .isEqualTo(ReceiptResult.SETTLED);
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.DELIVERED);
    // A repeated callback changes nothing and publishes nothing.
    assertThat(rig.outbox.receipt("carrier-77", DeliveryOutcome.FAILED, "late"))
        .isEqualTo(ReceiptResult.DUPLICATE);
    assertThat(rig.statusHistory(entry.id())).containsExactly(
        SmsStatus.QUEUED, SmsStatus.SENDING, SmsStatus.SENT, SmsStatus.DELIVERED);
  }

  @Test
  void serverErrorsAreRetriedAndClientErrorsAreNot() {
    script.add(new Answer(503, "{}"));
    script.add(new Answer(201, "{\"id\":\"carrier-78\"}"));
    SmsOutboxEntry retried = rig.enqueue("+15551230101", "retry me");
    assertThat(worker.runOnce()).isZero();
    assertThat(rig.status(retried.id())).isEqualTo(SmsStatus.QUEUED);
    assertThat(rig.entry(retried.id()).lastError()).contains("503");
    await().atMost(Duration.ofSeconds(10)).until(() -> worker.runOnce() == 1);
    assertThat(rig.status(retried.id())).isEqualTo(SmsStatus.SENT);
    assertThat(rig.entry(retried.id()).segments()).isEqualTo(1);

    script.add(new Answer(400, "{\"error\":\"invalid number\"}"));
    SmsOutboxEntry refused = rig.enqueue("+15551230102", "refuse me");
    worker.runOnce();
    assertThat(rig.status(refused.id())).isEqualTo(SmsStatus.FAILED);
    assertThat(rig.entry(refused.id()).lastError()).contains("HTTP 400", "invalid number");
    assertThat(requests).hasSize(3);
  }

  @Test
  void anAnswerWithoutIdFailsRatherThanRisking() {
    script.add(new Answer(200, "{\"ok\":true}"));
    SmsOutboxEntry entry = rig.enqueue("+15551230103", "no id");
    worker.runOnce();
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.FAILED);
    assertThat(worker.runOnce()).isZero();
    assertThat(requests).hasSize(1);
  }

  @Test
  void aRequestLeftWithoutAnswerIsUnknownAndNeverSentAgain() {
    script.add(new Answer(200, "{\"id\":\"carrier-late\"}", true));
    SmsOutboxWorker impatient = rig.worker(gateway(Duration.ofSeconds(1)), SmsRig.policy(3));
    SmsOutboxEntry entry = rig.enqueue("+15551230104", "who knows");
    assertThat(impatient.runOnce()).isZero();
    assertThat(hanging.getCount()).isZero();

    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.UNKNOWN);
    assertThat(rig.entry(entry.id()).lastError()).startsWith("Outcome unknown, not resent");
    for (int pass = 0; pass < 3; pass++) {
      assertThat(impatient.runOnce()).isZero();
    }
    assertThat(requests).hasSize(1);
    assertThat(rig.count("switchboard.sms.outbox.failures", "reason", "outcome_unknown"))
        .isEqualTo(1);
    assertThat(rig.count("switchboard.sms.outbox.settled", "status", "unknown")).isEqualTo(1);

    // An operator may choose to send it again, knowing it may arrive twice.
    script.add(new Answer(200, "{\"id\":\"carrier-again\"}"));
    assertThat(rig.outbox.retry(rig.tenantId, entry.id()).status()).isEqualTo(SmsStatus.QUEUED);
    assertThat(impatient.runOnce()).isEqualTo(1);
    assertThat(rig.entry(entry.id())).satisfies(e -> {
      assertThat(e.status()).isEqualTo(SmsStatus.SENT);
      assertThat(e.attempts()).isEqualTo(2);
    });
    assertThat(requests).hasSize(2);
    assertThat(rig.statusHistory(entry.id())).containsExactly(SmsStatus.QUEUED,
        SmsStatus.SENDING, SmsStatus.UNKNOWN, SmsStatus.QUEUED, SmsStatus.SENDING, SmsStatus.SENT);
  }
}
