package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation of issue 14, per dialect: an Amity API key opened a password-less session for
 * a NetSapiens Office Manager (and renamed him), and the session then read every user's
 * sessions through {@code /ns-api/v2}. Now a key opens sessions for Basic Users only, its tokens
 * carry the Basic User scope in every dialect, and it renames nobody unless the domain allows.
 */
class ApiKeySessionEscalationIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private String manager;
  private String colleague;

  @BeforeEach
  void domainWithAManager() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    manager = createUser(network.domain(), "Office Manager", "Olivia Manager");
    colleague = createUser(network.domain(), "Basic User", "Peter Colleague");
  }

  @Test
  void amityKeyCannotOpenASessionForAnOfficeManagerNorRenameHim() {
    amity.withApiKey(network)
        .body(Json.of("userId", manager, "deviceId", "x", "displayName", "pwned"))
        .post("/api/v4/sessions")
        .then()
        .statusCode(403)
        .body("status", equalTo("error"))
        .body("code", equalTo(400300));
    amity.withApiKey(network)
        .body(Json.of("userId", manager, "deviceId", "x"))
        .post("/api/v3/sessions")
        .then()
        .statusCode(403);
    fixtures.admin().get("/admin/v1/domains/{d}/users/{u}", network.domain(), manager)
        .then().statusCode(200)
        .body("displayName", equalTo("Olivia Manager"))
        .body("scope", equalTo("Office Manager"));
  }

  @Test
  void amityKeyNeverRenamesAUserCreatedElsewhereUnlessTheDomainAllowsIt() {
    String token = session(colleague, "pwned");
    assertThat(token).isNotBlank();
    fixtures.admin().get("/admin/v1/domains/{d}/users/{u}", network.domain(), colleague)
        .then().body("displayName", equalTo("Peter Colleague"));
    // Secure mode does not change that: a valid auth token opens the session, renames nobody.
    String serverKey =
        fixtures.admin().post("/admin/v1/domains/{d}/secure-mode", network.domain())
            .then().statusCode(201).extract().path("serverKey");
    String authToken =
        given().header("x-server-key", serverKey).contentType(ContentType.JSON)
            .body(Json.of("userId", colleague)).post("/api/v4/authentication/token")
            .then().statusCode(200).extract().asString();
    amity.withApiKey(network)
        .body(Json.of("userId", colleague, "deviceId", "d2", "displayName", "pwned again",
            "authToken", authToken))
        .post("/api/v4/sessions").then().statusCode(200)
        .body("users[0].displayName", equalTo("Peter Colleague"));
  }

  @Test
  void netSapiensSeesAKeySessionAsABasicUserOnly() {
    String token = session(colleague, null);
    given().header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/domains/~/users").then().statusCode(403).body("code", equalTo(403));
    given().header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/domains/~/users/{u}/messagesessions", manager)
        .then().statusCode(403);
    given().header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/domains/~/users/~/messagesessions").then().statusCode(200);
    given().header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/jwt").then().statusCode(200).body("user_scope", equalTo("Basic User"));
  }

  @Test
  void amitySeesAKeySessionAsABasicUserOnly() {
    String token = session(colleague, null);
    amity.as(token).delete("/api/v4/sessions?userId={u}", manager)
        .then().statusCode(403).body("code", equalTo(400300));
    assertThat(scopeClaim(token)).isEqualTo("Basic User");
  }

  @Test
  void allmineAndNativeSeeAKeySessionAsABasicUserOnly() {
    String token = session(colleague, null);
    fixtures.as(token).get("/api/v1/chats").then().statusCode(200).body("isSuccess", equalTo(true));
    // The admin API wants the admin key, never a user's token.
    fixtures.as(token).get("/admin/v1/domains").then().statusCode(401);
  }

  @Test
  void refreshingAKeySessionKeepsTheBasicUserScope() {
    var opened =
        amity.withApiKey(network).body(Json.of("userId", colleague, "deviceId", "r"))
            .post("/api/v4/sessions").then().statusCode(200).extract();
    String refreshed =
        given().contentType(ContentType.JSON)
            .body(Json.of("refreshToken", opened.path("refreshToken")))
            .post("/auth/refresh").then().statusCode(200).extract().path("accessToken");
    assertThat(scopeClaim(refreshed)).isEqualTo("Basic User");
  }

  private String session(String userId, String displayName) {
    return amity.withApiKey(network)
        .body(displayName == null
            ? Json.of("userId", userId, "deviceId", "phone")
            : Json.of("userId", userId, "deviceId", "phone", "displayName", displayName))
        .post("/api/v4/sessions").then().statusCode(200).extract().path("accessToken");
  }

  private String createUser(String domain, String scope, String displayName) {
    String userId = Fixtures.unique("u");
    fixtures.admin()
        .body(Json.of("userId", userId, "displayName", displayName, "password", Fixtures.PASSWORD,
            "scope", scope))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
    return userId;
  }

  static String scopeClaim(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.MAPPER.readTree(payload).get("scp").asString();
  }
}
