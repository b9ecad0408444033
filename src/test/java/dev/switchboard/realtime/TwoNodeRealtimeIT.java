package dev.switchboard.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ClusterNodes;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RedisTestServer;
import dev.switchboard.support.RunningJar;
import dev.switchboard.support.WsClient;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Switchboard processes on one PostgreSQL and one Redis, as behind a load balancer: a client
 * on node B receives, in order and exactly once, what is posted through node A; after losing
 * its socket it resumes against node A and misses nothing; disabled through node B, he is cut off
 * on node A at once.
 */
@ExtendWith({PostgresTestDatabase.class, RedisTestServer.class})
class TwoNodeRealtimeIT {
  private static final String ADMIN_KEY = "two-node-admin-key";

  @TempDir Path nodeA;
  @TempDir Path nodeB;

  private Map<String, String> sharedEnvironment() {
    return ClusterNodes.environment(RedisTestServer.url(), ADMIN_KEY);
  }

  @Test
  void aClientOnOneNodeGetsEverythingPostedThroughTheOtherAndResumesAcrossNodes() throws Exception {
    try (RunningJar a = RunningJar.start(nodeA, sharedEnvironment());
        RunningJar b = RunningJar.start(nodeB, sharedEnvironment())) {
      String domain = Fixtures.unique("two-node");
      admin(a).body(Json.of("domain", domain)).post("/admin/v1/domains").then().statusCode(201);
      for (String user : List.of("alice", "bob")) {
        admin(a).body(Json.of("userId", user, "password", Fixtures.PASSWORD))
            .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
      }
      String alice = token(a, domain, "alice");
      String bob = token(b, domain, "bob");

      String chat;
      try (WsClient bobOnB = WsClient.ready(b.port, bob)) {
        chat = post(a, alice, Json.of("type", "text", "targetUserId", "bob", "content", "m0"));
        for (int i = 1; i < 50; i++) {
          post(a, alice, Json.of("type", "text", "chatId", chat, "content", "m" + i));
        }
        List<JsonNode> seen = bobOnB.changes(52);
        for (int i = 0; i < 52; i++) {
          assertThat(seen.get(i).get("conversationId").asString()).isEqualTo(chat);
          assertThat(seen.get(i).get("changeSeq").asLong()).isEqualTo(i + 1L);
        }
        assertThat(seen.getLast().get("data").get("message").get("content").asString()).isEqualTo("m49");
        // Exactly once: nothing else is queued behind the last change.
        bobOnB.send(Json.of("type", "ping"));
        assertThat(bobOnB.next().get("type").asString()).isEqualTo("pong");
      }

      // Bob's socket is gone; meanwhile Alice keeps posting through node A.
      for (int i = 50; i < 60; i++) {
        post(a, alice, Json.of("type", "text", "chatId", chat, "content", "m" + i));
      }
      try (WsClient bobOnA = WsClient.ready(a.port, bob)) {
        bobOnA.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":52}}");
        List<JsonNode> missed = bobOnA.changes(10);
        assertThat(missed).extracting(f -> f.get("changeSeq").asLong())
            .containsExactly(53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L, 61L, 62L);
        assertThat(bobOnA.next("resumed").get("conversations").get(chat).asLong()).isEqualTo(62);

        post(b, token(b, domain, "alice"), Json.of("type", "text", "chatId", chat, "content", "via B"));
        JsonNode live = bobOnA.next("change");
        assertThat(live.get("changeSeq").asLong()).isEqualTo(63);
        assertThat(live.get("data").get("message").get("content").asString()).isEqualTo("via B");

        // An operator disables Bob through node B: node A, which holds his socket and never
        // wrote the revocation, closes it (4003) and refuses his token, through the bus.
        admin(b).post("/admin/v1/domains/{d}/users/bob/disable", domain).then().statusCode(200);
        assertThat(bobOnA.closeCode()).isEqualTo(4003);
        given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + bob)
            .get("/api/v1/chats").then().statusCode(401);
      }
    }
  }

  private static io.restassured.specification.RequestSpecification admin(RunningJar node) {
    return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON);
  }

  private static String token(RunningJar node, String domain, String user) {
    return given().baseUri(node.baseUrl()).contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", user, "password", Fixtures.PASSWORD))
        .post("/auth/token").then().statusCode(200).extract().path("accessToken");
  }

  private static String post(RunningJar node, String token, String body) {
    return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON).body(body).post("/api/v2/messages")
        .then().statusCode(201).extract().path("data.chatId");
  }
}
