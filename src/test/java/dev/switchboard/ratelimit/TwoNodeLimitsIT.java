package dev.switchboard.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ClusterNodes;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.OwnRedisServer;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RunningJar;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL and a Redis of the test's own: a user's rate limit and
 * the login throttle count across both nodes, whichever node each request reaches.
 */
@ExtendWith({PostgresTestDatabase.class, OwnRedisServer.class})
class TwoNodeLimitsIT {
  private static final String ADMIN_KEY = "two-node-limits-admin-key";
  private static final int PER_USER = 12;

  @TempDir Path nodeA;
  @TempDir Path nodeB;

  private Map<String, String> environment(String redisUrl) {
    return ClusterNodes.environment(redisUrl, ADMIN_KEY, Map.of(
        "SPRING_APPLICATION_JSON",
        "{\"server\":{\"forward-headers-strategy\":\"native\"},\"switchboard\":{\"rate-limits\":"
            + "{\"groups\":{\"default\":{\"per-user\":\"" + PER_USER + "/1h\"}}}}}"));
  }

  @Test
  void limitsAndLoginThrottlingAreSharedByBothNodes() throws Exception {
    try (OwnRedisServer redis = OwnRedisServer.start();
        RunningJar a = RunningJar.start(nodeA, environment(redis.url()));
        RunningJar b = RunningJar.start(nodeB, environment(redis.url()))) {
      String domain = Fixtures.unique("two-node-limits");
      admin(a).body(Json.of("domain", domain)).post("/admin/v1/domains").then().statusCode(201);
      String user = "alice";
      admin(a).body(Json.of("userId", user, "password", Fixtures.PASSWORD))
          .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
      String token = given().baseUri(b.baseUrl()).contentType(ContentType.JSON)
          .body(Json.of("domain", domain, "userId", user, "password", Fixtures.PASSWORD))
          .post("/auth/token").then().statusCode(200).extract().path("accessToken");

      // Alternating nodes, the user gets PER_USER requests in all, not per node.
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < PER_USER + 4; i++) {
        RunningJar node = i % 2 == 0 ? a : b;
        statuses.add(given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + token)
            .get("/api/v1/chats").statusCode());
      }
      assertThat(statuses.subList(0, PER_USER)).containsOnly(200);
      assertThat(statuses.subList(PER_USER, PER_USER + 4)).containsOnly(429);

      // Five wrong guesses spread over the nodes: the sixth waits on either node.
      String address = "203.0.113.66";
      for (int i = 0; i < 5; i++) {
        login(i % 2 == 0 ? a : b, address, domain, "wrong-" + i).then().statusCode(401);
      }
      login(a, address, domain, Fixtures.PASSWORD).then().statusCode(429);
      login(b, address, domain, Fixtures.PASSWORD).then().statusCode(429);
    }
  }

  private static io.restassured.response.Response login(
      RunningJar node, String address, String domain, String password) {
    return given().baseUri(node.baseUrl()).header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", "alice", "password", password))
        .post("/auth/token");
  }

  private static RequestSpecification admin(RunningJar node) {
    return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON);
  }
}
