package dev.switchboard.api.amity.mqtt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ClusterNodes;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RedisTestServer;
import dev.switchboard.support.RunningJar;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Switchboard processes on one PostgreSQL and one Redis: an MQTT client on node B receives,
 * in the channel's order and once each, the messages sent through node A's Amity API, and after
 * reconnecting to node B with its persistent session still gets, in order, what A sent meanwhile.
 */
@ExtendWith({PostgresTestDatabase.class, RedisTestServer.class})
class TwoNodeAmityMqttIT {
  private static final String ADMIN_KEY = "two-node-mqtt-admin-key";

  @TempDir Path nodeA;
  @TempDir Path nodeB;

  private Map<String, String> sharedEnvironment() {
    return ClusterNodes.environment(RedisTestServer.url(), ADMIN_KEY);
  }

  @Test
  void aClientOnOneNodeHearsWhatIsSentThroughTheOther() throws Exception {
    try (RunningJar a = RunningJar.start(nodeA, sharedEnvironment());
        RunningJar b = RunningJar.start(nodeB, sharedEnvironment())) {
      String domain = Fixtures.unique("mqtt-two-node");
      given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
          .contentType(ContentType.JSON).body(Json.of("domain", domain))
          .post("/admin/v1/domains").then().statusCode(201);
      String apiKey = given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
          .contentType(ContentType.JSON).body(Json.of("description", "mqtt"))
          .post("/admin/v1/domains/{d}/api-keys", domain).then().statusCode(201).extract().path("key");
      JsonPath alice = session(a, apiKey, "alice");
      JsonPath bob = session(b, apiKey, "bob");
      String aliceToken = alice.getString("accessToken");
      String bobId = bob.getString("users[0]._id");
      String bobToken = bob.getString("accessToken");
      String path = bob.getString("users[0].path");
      String topic = path.substring(0, path.indexOf("/user/")) + "/smartfeed/" + bobId + "/messages";

      String channel = given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + aliceToken)
          .contentType(ContentType.JSON)
          .body(Json.of("type", "text", "targetUserId", "bob", "content", "hi"))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");

      try (PahoClient onB = PahoClient.connect(b.port, "bob-on-b", bobId, bobToken, false)) {
        assertThat(onB.subscribe(topic)).containsExactly(0);
        for (int i = 0; i < 20; i++) {
          send(a, aliceToken, channel, "m" + i);
        }
        assertThat(onB.await("message.created", 20))
            .extracting(r -> r.message().get("data").get("text").asString())
            .containsExactly(IntStream.range(0, 20).mapToObj(i -> "m" + i).toArray(String[]::new));
      }
      for (int i = 20; i < 25; i++) {
        send(a, aliceToken, channel, "m" + i);
      }
      try (PahoClient again = PahoClient.connect(b.port, "bob-on-b", bobId, bobToken, false)) {
        assertThat(again.connectToken.getSessionPresent()).isTrue();
        send(a, aliceToken, channel, "live");
        List<PahoClient.Received> got = again.await("message.created", 6);
        assertThat(got).extracting(r -> r.message().get("data").get("text").asString())
            .containsExactly("m20", "m21", "m22", "m23", "m24", "live");
      }
    }
  }

  private static JsonPath session(RunningJar node, String apiKey, String userId) {
    return given().baseUri(node.baseUrl()).header("x-api-key", apiKey).contentType(ContentType.JSON)
        .body(Json.of("userId", userId, "deviceId", "paho", "displayName", userId))
        .post("/api/v4/sessions").then().statusCode(200).extract().jsonPath();
  }

  private static void send(RunningJar node, String token, String channel, String text) {
    given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON).body(Json.of("channelId", channel, "data", Map.of("text", text)))
        .post("/api/v3/messages").then().statusCode(200);
  }
}
