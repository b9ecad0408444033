package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.sms.TestSmsc;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node whose SMPP carrier is unreachable: it still starts and serves (health DEGRADED, HTTP
 * 200, the carrier's component saying why), SMS wait in the outbox, and once the outbox is at
 * its limit a NetSapiens SMS send is answered 503 "try again later" in the dialect's envelope,
 * the metric counting the refusal and its reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetSapiensSmsBackpressureIT {
  private static final int MAX_QUEUED = 2;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String dataDir = Files.createTempDirectory("switchboard-ns-backpressure-").toString();
    registry.add("switchboard.data-dir", () -> dataDir);
    registry.add("switchboard.admin-key", () -> ApiTestBase.ADMIN_KEY);
    // Nothing listens there: the bind never succeeds.
    registry.add("switchboard.sms.smpp.host", () -> "127.0.0.1");
    registry.add("switchboard.sms.smpp.port", TestSmsc::freePort);
    registry.add("switchboard.sms.smpp.system-id", () -> "switchboard");
    registry.add("switchboard.sms.smpp.reconnect-max-delay", () -> "1s");
    registry.add("switchboard.sms.backpressure.max-queued", () -> MAX_QUEUED);
  }

  @Test
  void anUnreachableCarrierDegradesTheNodeAndAFullOutboxAnswers503() {
    RestAssured.port = port;
    NsClient ns = new NsClient(new Fixtures(ApiTestBase.ADMIN_KEY));
    String domain = ns.domain(null);
    String alice = ns.user(domain, "Basic User");
    String token = ns.token(domain, alice);
    String number = "1555" + String.format("%07d", (long) (Math.random() * 9_999_999));
    as(ns.token(domain, ns.user(domain, "Office Manager")))
        .body(Json.of("number", number, "application", "user", "dest", alice))
        .post(V2 + "/domains/~/smsnumbers").then().statusCode(202);

    given().get("/actuator/health").then().statusCode(200)
        .body("status", equalTo("DEGRADED"))
        .body("components.db.status", equalTo("UP"))
        .body("components.smsCarrier.status", equalTo("DEGRADED"))
        .body("components.smsCarrier.components.smpp-trx-1.status", equalTo("DEGRADED"));

    // The outbox holds what the carrier cannot take, up to its limit; then sends are refused.
    await().atMost(Duration.ofSeconds(20)).until(() -> send(token, number).statusCode() == 503);
    send(token, number).then().statusCode(503)
        .body("code", equalTo(503))
        .body("message", startsWith("SMS outbox is full, try again later: "))
        .body("message", containsString("SMS queued (limit " + MAX_QUEUED + ")"));

    String metrics = given().get("/actuator/prometheus").then().statusCode(200)
        .body(containsString("switchboard_sms_refused_total{reason=\"depth\"}"))
        .body(containsString("switchboard_sms_carrier_up{connection=\"smpp-trx-1\",role=\"transceiver\"} 0.0"))
        .body(containsString("switchboard_sms_outbox_depth{status=\"queued\"}"))
        .body(containsString("switchboard_sms_outbox_oldest_due_wait_seconds"))
        .body(containsString("switchboard_sms_receipts_unmatched"))
        .extract().asString();
    Matcher queued = Pattern.compile("switchboard_sms_outbox_depth\\{status=\"queued\"} ([0-9.]+)")
        .matcher(metrics);
    assertThat(queued.find()).isTrue();
    assertThat(Double.parseDouble(queued.group(1))).isGreaterThanOrEqualTo(MAX_QUEUED);
  }

  private static Response send(String token, String from) {
    String phone = "1777" + String.format("%07d", (long) (Math.random() * 9_999_999));
    return as(token).body(Json.of("type", "sms", "message", "Are you there?", "destination", phone,
            "from-number", from))
        .post(V2 + "/domains/~/users/~/messages");
  }
}
