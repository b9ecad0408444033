package dev.switchboard.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthApiIT extends ApiTestBase {

  private Response login(Object... fields) {
    return given().contentType(ContentType.JSON).body(Json.of(fields)).post("/auth/token");
  }

  @Test
  void passwordLoginIssuesABearerJwtAndARefreshToken() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    Response r = login("domain", domain, "userId", user, "password", Fixtures.PASSWORD);
    r.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(3600))
        .body("refreshToken", startsWith("sbr_"));
    String[] jwt = r.<String>path("accessToken").split("\\.");
    assertThat(jwt).hasSize(3);
    String header = new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8);
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"HS256\"");
    assertThat(Json.parse(claims).get("sub").asString()).isEqualTo(user);
    assertThat(Json.parse(claims).get("dom").asString()).isEqualTo(domain);
    assertThat(Json.parse(claims).get("scp").asString()).isEqualTo("Basic User");
    assertThat(Json.parse(claims).get("exp").asLong() - Json.parse(claims).get("iat").asLong())
        .isEqualTo(3600);
  }

  @Test
  void domainDefaultsToDefault() {
    fixtures.admin().body(Json.of("userId", Fixtures.unique("d"), "password", Fixtures.PASSWORD))
        .post("/admin/v1/domains/default/users").then().statusCode(201);
    String user = Fixtures.unique("dflt");
    fixtures.admin().body(Json.of("userId", user, "password", Fixtures.PASSWORD))
        .post("/admin/v1/domains/default/users").then().statusCode(201);
    login("userId", user, "password", Fixtures.PASSWORD).then().statusCode(200);
  }

  @Test
  void badCredentialsAnswerTheSameWhetherOrNotTheUserExists() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String wrongPassword = login("domain", domain, "userId", user, "password", "wrong-password").then()
        .statusCode(401).extract().asString();
    String unknownUser = login("domain", domain, "userId", "ghost", "password", "wrong-password").then()
        .statusCode(401).extract().asString();
    String unknownDomain = login("domain", "no-such", "userId", user, "password", Fixtures.PASSWORD).then()
        .statusCode(401).extract().asString();
    assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(unknownDomain)
        .isEqualTo("{\"error\":\"unauthenticated\",\"message\":\"Invalid credentials\"}");
    login("domain", domain, "userId", user).then().statusCode(401);
  }

  @Test
  void repeatedFailuresSlowTheGuessersAddressButNeverKeepTheOwnerOut() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String attacker = "203.0.113.9";
    for (int i = 0; i < 5; i++) {
      loginFrom(attacker, "domain", domain, "userId", user, "password", "guess-" + i)
          .then().statusCode(401);
    }
    // The next attempt from there waits, right password or not, and is told how long.
    Response refused =
        loginFrom(attacker, "domain", domain, "userId", user, "password", Fixtures.PASSWORD);
    refused.then().statusCode(429).body("error", equalTo("rate_limited"));
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    // The owner, elsewhere, is not kept out.
    loginFrom("198.51.100.4", "domain", domain, "userId", user, "password", Fixtures.PASSWORD)
        .then().statusCode(200);
    // Unknown users are throttled the same way, so the limit does not reveal who exists.
    for (int i = 0; i < 5; i++) {
      loginFrom(attacker, "domain", domain, "userId", "ghost", "password", "guess-" + i)
          .then().statusCode(401);
    }
    loginFrom(attacker, "domain", domain, "userId", "ghost", "password", "guess")
        .then().statusCode(429);
  }

  @Test
  void aSuccessfulLoginForgivesTheOwnersEarlierTypos() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String home = "198.51.100.77";
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        loginFrom(home, "domain", domain, "userId", user, "password", "typo-" + i)
            .then().statusCode(401);
      }
      loginFrom(home, "domain", domain, "userId", user, "password", Fixtures.PASSWORD)
          .then().statusCode(200);
    }
  }

  @Test
  void concurrentWrongGuessesAreEachCountedExactlyOnce() throws Exception {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String guess = "guess-" + i;
      guesses.add(() -> loginFrom("203.0.113.40", "domain", domain, "userId", user,
          "password", guess).statusCode());
    }
    ExecutorService pool = Executors.newFixedThreadPool(40);
    try {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : pool.invokeAll(guesses)) {
        statuses.add(answer.get());
      }
      // The first layer (5 per minute) admits exactly five; the 35 others are refused unchecked.
      assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
      assertThat(statuses).filteredOn(s -> s == 429).hasSize(35);
    } finally {
      pool.shutdownNow();
    }
  }

  private Response loginFrom(String address, Object... body) {
    return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
        .body(Json.of(body)).post("/auth/token");
  }

  @Test
  void refreshRotatesAndAReusedTokenRevokesTheFamily() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String first = login("domain", domain, "userId", user, "password", Fixtures.PASSWORD).path("refreshToken");

    Response rotated = given().contentType(ContentType.JSON).body(Json.of("refreshToken", first)).post("/auth/refresh");
    rotated.then().statusCode(200).body("tokenType", equalTo("Bearer"));
    String second = rotated.path("refreshToken");
    assertThat(second).isNotEqualTo(first);
    fixtures.as(rotated.path("accessToken")).get("/api/v1/chats").then().statusCode(200);

    // The old token is dead, and showing it again also kills the token that replaced it.
    given().contentType(ContentType.JSON).body(Json.of("refreshToken", first)).post("/auth/refresh")
        .then().statusCode(401).body("error", equalTo("unauthenticated"));
    given().contentType(ContentType.JSON).body(Json.of("refreshToken", second)).post("/auth/refresh")
        .then().statusCode(401);

    given().contentType(ContentType.JSON).body(Json.of("refreshToken", "sbr_made-up")).post("/auth/refresh")
        .then().statusCode(401);
    given().contentType(ContentType.JSON).body("{}").post("/auth/refresh").then().statusCode(401);
  }

  @Test
  void aTokenOfOneDomainNeverSeesAnotherDomainsChats() {
    String acme = fixtures.domain();
    String mallory = fixtures.user(acme);
    String other = "default";
    String alice = fixtures.user(other);
    String bob = fixtures.user(other);
    String chatId = fixtures.as(fixtures.token(other, alice))
        .body(Json.of("type", "text", "targetUserId", bob, "content", "secret"))
        .post("/api/v2/messages").path("data.chatId");

    String malloryToken = fixtures.token(acme, mallory);
    fixtures.as(malloryToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(404);
    fixtures.as(malloryToken).body(Json.of("type", "text", "chatId", chatId, "content", "hi"))
        .post("/api/v2/messages").then().statusCode(404);
    fixtures.as(malloryToken).post("/api/v1/messages/chat/{id}/read", chatId).then().statusCode(404);
    // Users of another domain are unknown too, for chats and for money.
    fixtures.as(malloryToken).body(Json.of("type", "text", "targetUserId", alice, "content", "hi"))
        .post("/api/v2/messages").then().statusCode(404);
    fixtures.credit(acme, mallory, 10);
    fixtures.as(malloryToken).body(Json.of("recipientId", alice, "amount", 5))
        .post("/api/v1/messages/credit-transfer").then().statusCode(404);
    assertThat(fixtures.balance(acme, mallory)).isEqualTo(10);
  }
}
