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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP carrier against a tiny carrier on the loopback interface that answers as scripted. */
class SmsHttpCarrierIT {
  private record Answer(int status, String body) {}

  private final SmsRig rig = new SmsRig();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer carrier;
  private SmsOutboxWorker worker;

  @BeforeEach
  void startCarrier() throws IOException {
    carrier = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    carrier.createContext("/sms", exchange -> {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      Answer answer = script.poll();
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    carrier.start();
    URI url = URI.create("http://127.0.0.1:" + carrier.getAddress().getPort() + "/sms");
    HttpSmsGateway gateway =
        new HttpSmsGateway(new HttpCarrierSettings(url, "carrier-key", Duration.ofSeconds(5)));
    worker = rig.worker(gateway, SmsRig.policy(3));
  }

  @AfterEach
  void stopCarrier() {
    carrier.stop(0);
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

    assertThat(rig.outbox.receipt("unknown-id", DeliveryOutcome.DELIVERED, "delivered")).isFalse();
    assertThat(rig.outbox.receipt("carrier-77", DeliveryOutcome.DELIVERED, "delivered")).isTrue();
    assertThat(rig.status(entry.id())).isEqualTo(SmsStatus.DELIVERED);
    // A repeated callback changes nothing and publishes nothing.
    rig.outbox.receipt("carrier-77", DeliveryOutcome.FAILED, "late");
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
}
