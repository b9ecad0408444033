package dev.switchboard.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.DialectEnvelope;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.LimitedServerTestBase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The request rate limits on a server with small limits: per user across every dialect (429,
 * {@code Retry-After}, the dialect's body, Amity's 400311), per client address, per API key for
 * sessions that create users, exact under concurrency, and counted in the metrics.
 */
class RateLimitIT extends LimitedServerTestBase {
  @Test
  void aUserOverTheLimitGets429InEveryDialectsEnvelope() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String token = amity.session(network, Fixtures.unique("busy"));
    for (int i = 0; i < PER_USER; i++) {
      amity.as(token).get("/api/v3/sessions").then().statusCode(200);
    }
    Response amityRefused = amity.as(token).get("/api/v3/sessions");
    amityRefused.then().statusCode(429).body("status", equalTo("error"))
        .body("code", equalTo(400311)).body("message", equalTo("RateLimit Exceed."));
    assertThat(Long.parseLong(amityRefused.header("Retry-After"))).isPositive();
    // The same user's budget is one, whichever dialect he speaks.
    String allmineHistory = "/api/v1/messages/chat/64d15f9e2e6c8f4d5a123456";
    expect429(allmineHistory, fixtures.as(token).get(allmineHistory));
    expect429("/ns-api/v2/domains/~/users/~/messagesessions", given()
        .header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/domains/~/users/~/messagesessions"));
    expect429("/realtime/v1/changes", fixtures.as(token)
        .queryParam("conversationId", "64d15f9e2e6c8f4d5a123456").get("/realtime/v1/changes"));
    // Another user of the same domain is not affected.
    amity.as(amity.session(network, Fixtures.unique("calm"))).get("/api/v3/sessions")
        .then().statusCode(200);
  }

  @Test
  void concurrentRequestsAreCountedExactly() throws Exception {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), Fixtures.unique("burst"));
    List<Integer> statuses =
        parallel(PER_USER + 15, () -> amity.as(token).get("/api/v3/sessions").statusCode());
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(PER_USER);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(15);
  }

  @Test
  void aClientAddressOverItsLimitIsRefusedBeforeAuthentication() {
    String address = address();
    for (int i = 0; i < PROBE_PER_CLIENT; i++) {
      given().header("X-Forwarded-For", address).get("/api/v1/chats").then().statusCode(401);
    }
    Response refused = given().header("X-Forwarded-For", address).get("/api/v1/chats");
    expect429("/api/v1/chats", refused);
    given().header("X-Forwarded-For", address()).get("/api/v1/chats").then().statusCode(401);
  }

  @Test
  void creatingUsersThroughOneApiKeyIsLimited() throws Exception {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    List<Integer> statuses =
        parallel(SESSIONS_PER_KEY + 5, () -> amity.withApiKey(network)
            .header("X-Forwarded-For", address())
            .body(Json.of("userId", Fixtures.unique("new"), "deviceId", "d"))
            .post("/api/v4/sessions").statusCode());
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(SESSIONS_PER_KEY);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
    Response refused = amity.withApiKey(network)
        .body(Json.of("userId", Fixtures.unique("new"), "deviceId", "d")).post("/api/v4/sessions");
    refused.then().statusCode(429).body("code", equalTo(400311));
    // Another key of another domain has its own budget.
    amity.withApiKey(amity.network()).body(Json.of("userId", "u1", "deviceId", "d"))
        .post("/api/v4/sessions").then().statusCode(200);
  }

  @Test
  void oneAddressSprayingOneGuessOverManyUsersIsSlowed() {
    String domain = fixtures.domain();
    String address = address();
    for (int i = 0; i < LOGIN_PER_ADDRESS; i++) {
      login(address, domain, fixtures.user(domain), "wrong-password").then().statusCode(401);
    }
    Response refused = login(address, domain, fixtures.user(domain), Fixtures.PASSWORD);
    refused.then().statusCode(429).body("error", equalTo("rate_limited"));
    assertThat(refused.header("Retry-After")).isNotBlank();
    // The owner at another address logs in.
    String owner = fixtures.user(domain);
    login(address(), domain, owner, Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void refusalsAreCountedByGroupDialectAndLimit() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), Fixtures.unique("metered"));
    for (int i = 0; i <= PER_USER; i++) {
      amity.as(token).get("/api/v3/sessions");
    }
    String metrics = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
    assertThat(metrics).containsPattern(
        "switchboard_ratelimit_refusals_total\\{dialect=\"amity\",group=\"default\",limit=\"user\"[^}]*} [1-9]");
    assertThat(metrics).contains("switchboard_login_refusals_total");
  }

  private static Response login(String address, String domain, String userId, String password) {
    return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", userId, "password", password))
        .post("/auth/token");
  }

  private static void expect429(String path, Response response) {
    assertThat(response.statusCode()).as(path).isEqualTo(429);
    assertThat(response.header("Retry-After")).as(path).isNotBlank();
    DialectEnvelope.of(path).assertError(429, response.contentType(), response.asString(), path);
  }

  static List<Integer> parallel(int count, Supplier<Integer> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 40));
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(request::get);
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : pool.invokeAll(calls)) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A client address of its own (TEST-NET-3). */
  static String address() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
