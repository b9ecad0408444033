package dev.switchboard.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WebhookReceiver;
import dev.switchboard.webhook.WebhookSignature;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Native webhooks through the admin API against the running server: the secret shown once,
 * signed posts of every change-log event (messages and credit transfers here) in order, each
 * endpoint's state, pause and reactivation, and every refusal in the native envelope.
 */
class AdminWebhooksIT extends ApiTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String create(String domain, Object body) {
    return fixtures.admin().body(body).post("/admin/v1/domains/{d}/webhooks", domain)
        .then().statusCode(201).extract().asString();
  }

  @Test
  void nativeWebhooksPostSignedChangesInOrderIncludingCreditTransfers() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String domain = fixtures.domain();
      String alice = fixtures.user(domain);
      String bob = fixtures.user(domain);
      JsonNode created = JSON.readTree(create(domain, Json.of("url", receiver.url(),
          "events", List.of("message.created", "message.updated"))));
      String id = created.get("id").asString();
      String secret = created.get("secret").asString();
      assertThat(secret).startsWith("whsec_");
      assertThat(created.get("status").asString()).isEqualTo("active");
      fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then()
          .statusCode(200).body("secret", nullValue()).body("url", equalTo(receiver.url()));

      String token = fixtures.token(domain, alice);
      String chat = fixtures.as(token)
          .body(Json.of("type", "text", "targetUserId", bob, "content", "m0"))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
      for (int i = 1; i < 5; i++) {
        fixtures.as(token).body(Json.of("type", "text", "chatId", chat, "content", "m" + i))
            .post("/api/v2/messages").then().statusCode(201);
      }
      fixtures.credit(domain, alice, 50);
      fixtures.as(token).body(Json.of("recipientId", bob, "amount", 7))
          .post("/api/v1/messages/credit-transfer").then().statusCode(201);

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 6);
      List<JsonNode> bodies = receiver.accepted().stream().map(p -> JSON.readTree(p.body())).toList();
      for (WebhookReceiver.Post post : receiver.accepted()) {
        assertThat(WebhookSignature.verify(secret, post.id(), Long.parseLong(post.timestamp()),
            post.body(), post.signature())).isTrue();
        assertThat(JSON.readTree(post.body()).get("id").asString()).isEqualTo(post.id());
      }
      // member.joined changes were not asked for; the messages arrive in their order.
      assertThat(bodies).extracting(b -> b.get("type").asString()).containsOnly("message.created");
      assertThat(bodies.stream().filter(b -> b.get("conversationId").asString().equals(chat))
              .map(b -> b.get("data").get("message").get("content").asString()))
          .containsSubsequence("m0", "m1", "m2", "m3", "m4");
      JsonNode transfer = bodies.stream()
          .filter(b -> b.get("data").get("message").get("type").asString().equals("credit_transfer"))
          .findFirst().orElseThrow();
      assertThat(transfer.get("data").get("message").get("creditTransfer").get("amount").asLong())
          .isEqualTo(7);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then()
              .body("postsCount", equalTo(6)).body("errorCount", equalTo(0)));
      fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}/deliveries", domain, id).then()
          .statusCode(200).body("items.size()", equalTo(6))
          .body("items.status", hasItem("delivered"));
      RestAssured.given().get("/actuator/prometheus").then()
          .body(containsString("switchboard_webhooks_delivered_total"))
          .body(containsString("switchboard_webhooks_deliveries{status=\"delivered\"}"));
    }
  }

  @Test
  void aPausedWebhookCollectsNothingUntilReactivated() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String domain = fixtures.domain();
      String alice = fixtures.user(domain);
      String bob = fixtures.user(domain);
      String id = JSON.readTree(create(domain, Json.of("url", receiver.url(),
          "events", List.of("message.created")))).get("id").asString();
      fixtures.admin().body(Json.of("status", "suspended"))
          .patch("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then().statusCode(200)
          .body("status", equalTo("suspended")).body("suspendedAt", startsWith("20"));
      String token = fixtures.token(domain, alice);
      fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "unseen"))
          .post("/api/v2/messages").then().statusCode(201);
      fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}/deliveries", domain, id).then()
          .body("items.size()", equalTo(0));

      fixtures.admin().body(Json.of("status", "active"))
          .patch("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then().statusCode(200)
          .body("status", equalTo("active")).body("suspendedAt", nullValue());
      fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "seen"))
          .post("/api/v2/messages").then().statusCode(201);
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
      assertThat(JSON.readTree(receiver.accepted().getFirst().body()).get("data").get("message")
          .get("content").asString()).isEqualTo("seen");

      fixtures.admin().delete("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then()
          .statusCode(204);
      fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}", domain, id).then()
          .statusCode(404);
    }
  }

  @Test
  void badRequestsAreRefusedClearly() {
    String domain = fixtures.domain();
    String url = "https://hooks.example.com/" + domain;
    create(domain, Json.of("url", url));
    fixtures.admin().body(Json.of("url", url)).post("/admin/v1/domains/{d}/webhooks", domain)
        .then().statusCode(409);
    for (Object bad : List.of(Json.of("url", "ftp://example.com/x"),
        Json.of("url", "https://hooks.example.com/e", "events", List.of("message.exploded")),
        Json.of("url", "https://hooks.example.com/f", "face", "smoke"),
        Json.of("url", "https://hooks.example.com/n", "face", "netsapiens"),
        Json.of("url", "https://hooks.example.com/u", "userId", "nobody-here"),
        Json.of("url", "https://hooks.example.com/x", "expiresAt", "tomorrow"),
        Json.of("url", "https://hooks.example.com/p", "expiresAt", "2001-01-01T00:00:00Z"))) {
      fixtures.admin().body(bad).post("/admin/v1/domains/{d}/webhooks", domain).then()
          .statusCode(400);
    }
    fixtures.admin().body("{\"url\":").post("/admin/v1/domains/{d}/webhooks", domain).then()
        .statusCode(400);
    fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}", domain, "0123456789abcdef01234567")
        .then().statusCode(404);
    fixtures.admin().get("/admin/v1/domains/{d}/webhooks/x/deliveries?limit=0", domain).then()
        .statusCode(404);
    RestAssured.given().get("/admin/v1/domains/{d}/webhooks", domain).then().statusCode(401);
    // Another domain's webhook is not found there.
    String other = fixtures.domain();
    String id = fixtures.admin().get("/admin/v1/domains/{d}/webhooks", domain).then()
        .extract().path("items[0].id");
    fixtures.admin().get("/admin/v1/domains/{d}/webhooks/{id}", other, id).then().statusCode(404);
  }
}
