package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OperationsIT extends ApiTestBase {
  @Test
  void healthIsUpWithTheDatabaseComponent() {
    given().get("/actuator/health").then().statusCode(200)
        .body("status", equalTo("UP")).body("components.db.status", equalTo("UP"));
  }

  /** The bus to other nodes is a component of its own (DEGRADED without Redis: RedisOutageIT). */
  @Test
  void healthShowsTheRealtimeBusAndPrometheusItsState() {
    given().get("/actuator/health").then().statusCode(200)
        .body("components.realtimeBus.status", equalTo("UP"));
    given().get("/actuator/prometheus").then().statusCode(200)
        .body(containsString("switchboard_realtime_bus_connected{"))
        .body(containsString("switchboard_realtime_connections "));
  }

  @Test
  void prometheusExposesHttpAndJvmMetrics() {
    given().get("/api/v1/chats"); // one request, so the HTTP timer exists
    given().get("/actuator/prometheus").then().statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("hikaricp_connections"))
        // Not the in-flight long task timer: every request would pay for it, nobody reads it.
        .body(not(containsString("http_server_requests_active_seconds")));
  }

  /**
   * Transfers and uploads are counted once committed, with their amounts and sizes; refused
   * uploads by reason, whether the file module or the servlet container refused them.
   */
  @Test
  void prometheusCountsTransfersAndUploadsAndRefusalsByReason() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    Map<String, Double> before = Metrics.scrape();

    fixtures.credit(domain, alice, 40); // a top-up
    fixtures.as(token).header("Idempotency-Key", "metrics-1")
        .body(Json.of("recipientId", bob, "amount", 15))
        .post("/api/v1/messages/credit-transfer").then().statusCode(201);
    fixtures.as(token).header("Idempotency-Key", "metrics-1") // a replay moves nothing
        .body(Json.of("recipientId", bob, "amount", 15))
        .post("/api/v1/messages/credit-transfer").then().statusCode(201);
    byte[] png = MediaSamples.png(32, 16);
    given().header("Authorization", "Bearer " + token).multiPart("file", "dot.png", png)
        .post("/api/v3/files").then().statusCode(200);
    given().header("Authorization", "Bearer " + token)
        .multiPart("file", "dot.png", png, "video/mp4") // declared type contradicts the bytes
        .post("/api/v3/files").then().statusCode(400);

    Map<String, Double> after = Metrics.scrape();
    Metrics.assertIncrease(before, after,
        "switchboard_credit_transfers_total{kind=\"top_up\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_credits_transferred_total{kind=\"top_up\"}", 40);
    Metrics.assertIncrease(before, after,
        "switchboard_credit_transfers_total{kind=\"transfer\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_credits_transferred_total{kind=\"transfer\"}", 15);
    Metrics.assertIncrease(before, after, "switchboard_uploads_total{kind=\"image\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_upload_bytes_total{kind=\"image\"}", png.length);
    Metrics.assertIncrease(before, after,
        "switchboard_uploads_refused_total{reason=\"type_mismatch\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_messages_total{dialect=\"allmine\",kind=\"credit_transfer\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_idempotency_replays_total{operation=\"credit.transfer\",outcome=\"result\"}", 1);
  }

  /**
   * Messages are counted once written, by the dialect they came through and their kind; a retry with
   * the same Idempotency-Key writes nothing and is counted as a replay instead.
   */
  @Test
  void prometheusCountsMessagesByDialectAndKindAndIdempotentReplays() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String alice = amity.newUser(network);
    String bob = amity.newUser(network);
    String token = amity.session(network, alice);
    Map<String, Double> before = Metrics.scrape();

    String chat = fixtures.as(token).header("Idempotency-Key", "messages-1")
        .body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    fixtures.as(token).header("Idempotency-Key", "messages-1") // the retry of the same send
        .body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
        .post("/api/v2/messages").then().statusCode(201);
    amity.as(token).body(Json.of("channelId", chat, "type", "text", "data", Map.of("text", "yo")))
        .post("/api/v3/messages").then().statusCode(200);

    Map<String, Double> after = Metrics.scrape();
    Metrics.assertIncrease(before, after,
        "switchboard_messages_total{dialect=\"allmine\",kind=\"text\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_messages_total{dialect=\"amity\",kind=\"text\"}", 1);
    Metrics.assertIncrease(before, after,
        "switchboard_idempotency_replays_total{operation=\"message.post\",outcome=\"result\"}", 1);
  }

  /** Every series the shipped dashboard queries is one the server exposes. */
  @Test
  void theGrafanaDashboardQueriesOnlyMetricsTheServerExposes() throws Exception {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    fixtures.credit(domain, alice, 5);
    String bob = fixtures.user(domain);
    for (int i = 0; i < 2; i++) { // a send and its replay: messages and replays are exposed
      fixtures.as(token).header("Idempotency-Key", "dashboard-1")
          .body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
          .post("/api/v2/messages").then().statusCode(201);
    }
    byte[] png = MediaSamples.png(8, 4);
    given().header("Authorization", "Bearer " + token).multiPart("file", "a.png", png)
        .post("/api/v3/files").then().statusCode(200);
    given().header("Authorization", "Bearer " + token).multiPart("file", "a.png", png, "video/mp4")
        .post("/api/v3/files").then().statusCode(400);
    try (WsClient silent = WsClient.connect(port, null)) {
      silent.closeCode(); // never authenticates: closed by the server, and counted
    }
    String exposed = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
    String dashboard = Files.readString(Path.of("docs/grafana/switchboard.json"));
    Matcher names = Pattern.compile("([a-z_]+)\\{").matcher(dashboard);
    java.util.Set<String> queried = new java.util.TreeSet<>();
    while (names.find()) {
      queried.add(names.group(1));
    }
    assertThat(queried).contains("switchboard_credit_transfers_total", "http_server_requests_seconds_count",
        "switchboard_messages_total", "switchboard_idempotency_replays_total",
        "switchboard_ratelimit_refusals_total", "switchboard_login_refusals_total",
        "jvm_memory_used_bytes", "hikaricp_connections_active",
        "switchboard_realtime_delivery_lag_seconds_bucket");
    // Registered by the first refusal; RateLimitIT checks the series under this name.
    queried.remove("switchboard_ratelimit_refusals_total");
    for (String name : queried) {
      assertThat(exposed).as("series %s", name).containsPattern("(?m)^" + name + "[{ ]");
    }
  }

  @Test
  void openApiDescribesAdminTokenAndAllmineEndpointsWithTheirShapes() {
    var spec = given().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    for (String path : new String[] {
        "/admin/v1/domains", "/admin/v1/domains/{domain}/users", "/admin/v1/domains/{domain}/users/{userId}",
        "/admin/v1/domains/{domain}/users/{userId}/credits", "/admin/v1/domains/{domain}/api-keys",
        "/auth/token", "/auth/refresh", "/api/v2/messages", "/api/v1/messages",
        "/api/v1/messages/credit-transfer", "/api/v1/messages/chat/{chatId}",
        "/api/v1/messages/chat/{chatId}/read", "/api/v1/chats"}) {
      org.assertj.core.api.Assertions.assertThat(spec.getMap("paths")).as(path).containsKey(path);
    }
    given().get("/v3/api-docs").then()
        .body("components.schemas.AllmineMessageView.properties", hasKey("_id"))
        .body("components.schemas.AllmineMessageView.properties", hasKey("creditTransfer"))
        .body("components.schemas.MediaView.properties", hasKey("thumbnail_url"))
        .body("components.schemas.TransferResultView.properties", hasKey("recipientBalance"))
        .body("components.schemas.TokenResponse.properties", hasKey("refreshToken"))
        .body("components.securitySchemes.bearerToken", notNullValue());
    given().redirects().follow(true).get("/swagger-ui.html").then().statusCode(200)
        .body(containsString("swagger-ui"));
  }
}
