package dev.switchboard.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.ClusterNodes;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RedisTestServer;
import dev.switchboard.support.RunningJar;
import dev.switchboard.support.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Switchboard processes on one PostgreSQL, both dispatching webhooks: messages posted
 * through either node reach the endpoint once each (one node wins each claim), in order.
 */
@ExtendWith({PostgresTestDatabase.class, RedisTestServer.class})
class TwoNodeWebhooksIT {
  private static final String ADMIN_KEY = "two-node-webhooks-admin-key";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path nodeA;
  @TempDir Path nodeB;

  private Map<String, String> environment() {
    return ClusterNodes.environment(RedisTestServer.url(), ADMIN_KEY, Map.of(
        "SWITCHBOARD_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
        "SWITCHBOARD_WEBHOOKS_POLL_INTERVAL", "100ms"));
  }

  @Test
  void eachEventIsPostedOnceWhicheverNodeMadeIt() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        RunningJar a = RunningJar.start(nodeA, environment());
        RunningJar b = RunningJar.start(nodeB, environment())) {
      String domain = Fixtures.unique("hooks");
      admin(a).body(Json.of("domain", domain)).post("/admin/v1/domains").then().statusCode(201);
      for (String user : List.of("alice", "bob")) {
        admin(a).body(Json.of("userId", user, "password", Fixtures.PASSWORD))
            .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
      }
      String hook = admin(b).body(Json.of("url", receiver.url(), "events", List.of("message.created")))
          .post("/admin/v1/domains/{d}/webhooks", domain).then().statusCode(201)
          .extract().path("id");
      String onA = token(a, domain);
      String onB = token(b, domain);
      String chat = given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + onA)
          .contentType(ContentType.JSON)
          .body(Json.of("type", "text", "targetUserId", "bob", "content", "0"))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
      for (int i = 1; i < 40; i++) {
        RunningJar node = i % 2 == 0 ? a : b;
        given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + (i % 2 == 0 ? onA : onB))
            .contentType(ContentType.JSON)
            .body(Json.of("type", "text", "chatId", chat, "content", Integer.toString(i)))
            .post("/api/v2/messages").then().statusCode(201);
      }

      // Once every delivery is recorded delivered no claim can follow: every post has arrived.
      await().atMost(Duration.ofSeconds(60)).until(() -> admin(a)
          .get("/admin/v1/domains/{d}/webhooks/{id}/deliveries?limit=100", domain, hook)
          .then().extract().<List<String>>path("items.status")
          .stream().filter("delivered"::equals).count() == 40);
      List<WebhookReceiver.Post> posts = receiver.posts();
      assertThat(posts).hasSize(40);
      Map<String, Long> byId = posts.stream()
          .collect(Collectors.groupingBy(WebhookReceiver.Post::id, Collectors.counting()));
      assertThat(byId).hasSize(40).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
      assertThat(posts.stream().map(p -> JSON.readTree(p.body()).get("data").get("message")
              .get("content").asString()))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 40).mapToObj(Integer::toString).toList());
    }
  }

  private static RequestSpecification admin(RunningJar node) {
    return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON);
  }

  private static String token(RunningJar node, String domain) {
    return given().baseUri(node.baseUrl()).contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", "alice", "password", Fixtures.PASSWORD))
        .post("/auth/token").then().statusCode(200).extract().path("accessToken");
  }
}
