package dev.switchboard.api.amity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmitySessionsIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;

  @BeforeEach
  void network() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
  }

  private Response open(Object... body) {
    return amity.withApiKey(network).body(Json.of(body)).post("/api/v4/sessions");
  }

  private Response check(String token) {
    return amity.as(token).get("/api/v3/sessions");
  }

  @Test
  void aSessionCreatesTheUserAndAnswersTheSessionShape() {
    Response response =
        open("userId", "alice", "deviceId", "phone", "displayName", "Alice",
            "deviceInfo", Json.MAPPER.readTree("{\"kind\":\"ios\",\"model\":\"iPhone\",\"sdkVersion\":\"6.0\"}"));

    response.then().statusCode(200)
        .body("users[0].userId", equalTo("alice"))
        .body("users[0].displayName", equalTo("Alice"))
        .body("users[0]._id", matchesPattern("[0-9a-f]{24}"))
        .body("refreshToken", matchesPattern("sbr_.+"));
    WireShape.assertMatches("amity/session.json", response.asString());
    Instant issued = Instant.parse(response.path("issuedAt"));
    Instant expires = Instant.parse(response.path("expiresAt"));
    assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofDays(30));

    Response checked = check(response.path("accessToken"));
    checked.then().statusCode(200);
    WireShape.assertMatches("amity/session-check.json", checked.asString());

    // The deprecated v3 path is the same operation. A display name given again changes nothing
    // unless the domain lets its API keys update profiles (ADR 0014).
    amity.withApiKey(network).body(Json.of("userId", "alice", "deviceId", "web", "displayName", "Alice B"))
        .post("/api/v3/sessions").then().statusCode(200).body("users[0].displayName", equalTo("Alice"));
    fixtures.admin().body(Json.of("profileUpdates", true))
        .put("/admin/v1/domains/{d}/key-session-policy", network.domain()).then().statusCode(200)
        .body("profileUpdates", equalTo(true));
    amity.withApiKey(network).body(Json.of("userId", "alice", "deviceId", "web", "displayName", "Alice B"))
        .post("/api/v3/sessions").then().statusCode(200).body("users[0].displayName", equalTo("Alice B"));
  }

  @Test
  void aNewSessionOnTheSameDeviceRevokesThePreviousTokenOnly() {
    String phone1 = amity.session(network, "bob", "phone");
    String laptop = amity.session(network, "bob", "laptop");
    String phone2 = amity.session(network, "bob", "phone");

    Response revoked = check(phone1);
    revoked.then().statusCode(401).body("code", equalTo(400100));
    WireShape.assertMatches("amity/error.json", revoked.asString());
    check(laptop).then().statusCode(200);
    check(phone2).then().statusCode(200);
    // The token is one of the core's: it works in the Allmine dialect too, and is refused there
    // once revoked.
    fixtures.as(phone2).get("/api/v1/chats").then().statusCode(200);
    fixtures.as(phone1).get("/api/v1/chats").then().statusCode(401);
  }

  @Test
  void deleteRevokesTheCallersSession() {
    String token = amity.session(network, "carol", "phone");
    Response response = amity.as(token).delete("/api/v4/sessions");
    response.then().statusCode(200).body("success", equalTo(true));
    WireShape.assertMatches("amity/success.json", response.asString());
    check(token).then().statusCode(401);
  }

  @Test
  void onlyAdministratorsRevokeAnotherUsersSessions() {
    String dave = amity.session(network, "dave", "phone");
    String erin = amity.session(network, "erin", "phone");
    Response refused = amity.as(erin).queryParam("userId", "dave").delete("/api/v4/sessions");
    refused.then().statusCode(403).body("code", equalTo(400300));
    check(dave).then().statusCode(200);
  }

  @Test
  void badOrMissingApiKeysAreUnauthorized() {
    for (String key : new String[] {"sbk_wrong", ""}) {
      Response response = given().header("x-api-key", key).contentType(ContentType.JSON)
          .body(Json.of("userId", "x", "deviceId", "d")).post("/api/v4/sessions");
      response.then().statusCode(401).body("status", equalTo("error")).body("code", equalTo(400100));
      WireShape.assertMatches("amity/error.json", response.asString());
    }
    given().contentType(ContentType.JSON).body(Json.of("userId", "x", "deviceId", "d"))
        .post("/api/v4/sessions").then().statusCode(401).body("code", equalTo(400100));
    check("not-a-token").then().statusCode(401).body("code", equalTo(400100));
    given().get("/api/v3/sessions").then().statusCode(401).body("code", equalTo(400100));
  }

  @Test
  void fieldLimitsAreAmitysAtTheirBoundaries() {
    open("userId", "u".repeat(50), "deviceId", "d".repeat(150), "displayName", "n".repeat(100),
        "authToken", "t".repeat(100)).then().statusCode(200);
    Response refused = open("userId", "u".repeat(51), "deviceId", "d".repeat(151),
        "displayName", "n".repeat(101), "authToken", "t".repeat(101),
        "deviceInfo", Json.MAPPER.readTree("{\"kind\":\"tv\",\"model\":\"" + "m".repeat(101) + "\",\"sdkVersion\":\"" + "s".repeat(31) + "\"}"));
    refused.then().statusCode(400).body("code", equalTo(400000))
        .body("data.detail", hasItem("userId must be between 1 and 50 characters"))
        .body("data.detail", hasItem("deviceId must be between 1 and 150 characters"))
        .body("data.detail", hasItem("displayName must be at most 100 characters"))
        .body("data.detail", hasItem("authToken must be between 1 and 100 characters"))
        .body("data.detail", hasItem("deviceInfo.kind must be one of ios, android, web, node"))
        .body("data.detail", hasItem("deviceInfo.model must be at most 100 characters"))
        .body("data.detail", hasItem("deviceInfo.sdkVersion must be at most 30 characters"));
    WireShape.assertMatches("amity/error.json", refused.asString());
    open("deviceId", "d").then().statusCode(400).body("data.detail", hasItem("userId must be between 1 and 50 characters"));
  }

  @Test
  void secureModeRequiresAnAuthTokenMintedForThatUser() {
    String serverKey = fixtures.admin().post("/admin/v1/domains/{d}/secure-mode", network.domain())
        .then().statusCode(201).body("secureMode", equalTo(true)).extract().path("serverKey");

    open("userId", "frank", "deviceId", "d").then().statusCode(401).body("code", equalTo(400100));
    String authToken = given().header("x-server-key", serverKey).contentType(ContentType.JSON)
        .body(Json.of("userId", "frank")).post("/api/v4/authentication/token")
        .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
    open("userId", "frank", "deviceId", "d", "authToken", authToken).then().statusCode(200);
    open("userId", "grace", "deviceId", "d", "authToken", authToken).then().statusCode(401);

    given().header("x-server-key", "sbs_wrong").contentType(ContentType.JSON)
        .body(Json.of("userId", "frank")).post("/api/v4/authentication/token")
        .then().statusCode(401).contentType(ContentType.TEXT).body(equalTo("Unauthorized"));

    fixtures.admin().delete("/admin/v1/domains/{d}/secure-mode", network.domain()).then().statusCode(200);
    open("userId", "grace", "deviceId", "d").then().statusCode(200);
    given().header("x-server-key", serverKey).contentType(ContentType.JSON)
        .body(Json.of("userId", "frank")).post("/api/v4/authentication/token")
        .then().statusCode(403).body("code", equalTo(400300));
  }

  @Test
  void frameworkFailuresUnderAmityPathsUseTheAmityEnvelope() {
    Response badJson = amity.withApiKey(network).body("{nope").post("/api/v4/sessions");
    badJson.then().statusCode(400).body("code", equalTo(400000));
    WireShape.assertMatches("amity/error.json", badJson.asString());
    String token = amity.session(network, "henry");
    Response unknown = amity.as(token).get("/api/v3/no-such-thing");
    unknown.then().statusCode(404).body("code", equalTo(400400));
    WireShape.assertMatches("amity/error.json", unknown.asString());
    amity.as(token).get("/api/v2/reactions/nothing-here").then().statusCode(404).body("code", equalTo(400400));
    amity.as(token).put("/api/v2/channel/x/nothing").then().statusCode(404).body("code", equalTo(400400));
    // Allmine keeps the rest of /api/v2/.
    amity.as(token).get("/api/v2/nothing").then().statusCode(404).body("isSuccess", equalTo(false));
  }
}
