package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens (JSON and form), refresh, JWTs, API keys (read-only ones), users, and every error. */
class NetSapiensAuthIT extends ApiTestBase {
  private NsClient ns;
  private String domain;
  private String user;

  @BeforeEach
  void setUp() {
    ns = new NsClient(fixtures);
    domain = ns.domain(null);
    user = ns.user(domain, "Basic User");
  }

  private Response passwordGrantJson(String password) {
    return given().contentType(ContentType.JSON)
        .body(Json.of("grant_type", "password", "client_id", "portal", "client_secret", "x",
            "username", user + "@" + domain, "password", password))
        .post(V2 + "/tokens");
  }

  @Test
  void passwordGrantAsJsonAndAsFormThenRefresh() {
    Response json = passwordGrantJson(Fixtures.PASSWORD);
    json.then().statusCode(200).body("uid", equalTo(user + "@" + domain))
        .body("scope", equalTo("Basic User")).body("token_type", equalTo("Bearer"));
    WireShape.assertMatches("netsapiens/access-token.json", json.asString());

    Response form = given().contentType(ContentType.URLENC)
        .formParam("grant_type", "password").formParam("client_id", "portal")
        .formParam("client_secret", "x").formParam("username", user + "@" + domain)
        .formParam("password", Fixtures.PASSWORD)
        .post(V2 + "/tokens");
    form.then().statusCode(200).body("user", equalTo(user));

    Response refreshed = given().contentType(ContentType.URLENC)
        .formParam("grant_type", "refresh_token").formParam("client_id", "portal")
        .formParam("refresh_token", form.jsonPath().getString("refresh_token"))
        .post(V2 + "/tokens");
    refreshed.then().statusCode(200).body("domain", equalTo(domain));
    WireShape.assertMatches("netsapiens/access-token.json", refreshed.asString());
    as(refreshed.jsonPath().getString("access_token")).get(V2 + "/domains/~/users/~/messagesessions")
        .then().statusCode(200);
  }

  @Test
  void badCredentialsGrantsAndBearersAnswerInTheNetSapiensEnvelope() {
    Response wrong = passwordGrantJson("wrong-password-123");
    wrong.then().statusCode(401).body("code", equalTo(401));
    WireShape.assertMatches("netsapiens/error.json", wrong.asString());
    given().contentType(ContentType.JSON).body(Json.of("grant_type", "magic"))
        .post(V2 + "/tokens").then().statusCode(400).body("code", equalTo(400));
    given().get(V2 + "/domains/~/users/~/messagesessions").then().statusCode(401)
        .body("code", equalTo(401));
    as("not-a-token").get(V2 + "/domains/~/users/~/messagesessions").then().statusCode(401);
    as("sbk_unknown").get(V2 + "/domains/~/users/~/messagesessions").then().statusCode(401);
  }

  @Test
  void jwtPairAndItsClaims() {
    Response pair = given().contentType(ContentType.JSON)
        .body(Json.of("grant_type", "password", "client_id", "portal", "client_secret", "x",
            "username", user + "@" + domain, "password", Fixtures.PASSWORD))
        .post(V2 + "/jwt");
    pair.then().statusCode(200);
    WireShape.assertMatches("netsapiens/jwt.json", pair.asString());
    Response claims = as(pair.jsonPath().getString("token")).get(V2 + "/jwt");
    claims.then().statusCode(200).body("sub", equalTo(user + "@" + domain))
        .body("user_scope", equalTo("Basic User"));
    WireShape.assertMatches("netsapiens/jwt-claims.json", claims.asString());
    assertThat(claims.jsonPath().getLong("time_out")).isPositive();
  }

  @Test
  void apiKeysNeedASuperUserOrAKeyThatMayCreateKeys() {
    String manager = ns.token(domain, ns.user(domain, "Office Manager"));
    Response refused = as(manager)
        .body(Json.of("description", "Billing automation key", "domain", domain,
            "user-scope", "Basic User"))
        .post(V2 + "/apikeys");
    refused.then().statusCode(403).body("message", startsWith("API key creation only allowed"));

    String root = ns.token(domain, ns.user(domain, "Super User"));
    Response creator = as(root)
        .body(Json.of("description", "Key that makes keys", "domain", domain,
            "user-scope", "Office Manager", "can-create-keys", "yes"))
        .post(V2 + "/apikeys");
    creator.then().statusCode(200).body("key", startsWith("sbk_"));
    WireShape.assertMatches("netsapiens/apikey-created.json", creator.asString());
    String creatorKey = creator.jsonPath().getString("key");

    Response self = as(creatorKey).get(V2 + "/apikeys/~");
    self.then().statusCode(200).body("can-create-keys", equalTo("yes"));
    WireShape.assertMatches("netsapiens/apikey-self.json", self.asString());

    as(creatorKey).body(Json.of("description", "Same scope is refused", "domain", domain,
            "user-scope", "Office Manager")).post(V2 + "/apikeys").then().statusCode(403);
    String readonly = as(creatorKey)
        .body(Json.of("description", "Read only portal key", "domain", domain, "user", user,
            "user-scope", "Basic User", "readonly", "yes"))
        .post(V2 + "/apikeys").then().statusCode(200).extract().path("key");

    as(readonly).get(V2 + "/domains/~/users/~/messagesessions").then().statusCode(200);
    as(readonly).body(NsClient.chat("hi", user)).post(V2 + "/domains/~/users/~/messages")
        .then().statusCode(403).body("code", equalTo(403));
    as(creatorKey).get(V2 + "/domains/~/users").then().statusCode(200);
  }

  @Test
  void officeManagersListAndProvisionUsers() {
    String manager = ns.token(domain, ns.user(domain, "Office Manager"));
    Response created = as(manager)
        .body(Json.of("user", "1004", "name-first-name", "Ann", "name-last-name", "Smith",
            "password", Fixtures.PASSWORD, "email", "ann.smith@example.com"))
        .post(V2 + "/domains/~/users");
    created.then().statusCode(202);
    WireShape.assertMatches("netsapiens/accepted.json", created.asString());
    as(manager).body(Json.of("user", "1004", "password", Fixtures.PASSWORD))
        .post(V2 + "/domains/~/users").then().statusCode(409).body("code", equalTo(409));
    Response list = as(manager).get(V2 + "/domains/{d}/users", domain);
    list.then().statusCode(200).body("$", hasSize(3));
    WireShape.assertMatches("netsapiens/users.json", list.asString());
    assertThat(list.jsonPath().getString("find { it.user == '1004' }.email"))
        .isEqualTo("ann.smith@example.com");
    as(ns.token(domain, "1004")).get(V2 + "/domains/~/users").then().statusCode(403);
  }

  @Test
  void frameworkFailuresUseTheNetSapiensEnvelope() {
    String token = ns.token(domain, user);
    Response badJson = as(token).body("{not json").post(V2 + "/domains/~/users/~/messages");
    badJson.then().statusCode(400).body("code", equalTo(400));
    WireShape.assertMatches("netsapiens/error.json", badJson.asString());
    as(token).get(V2 + "/no/such/route").then().statusCode(404).body("code", equalTo(404));
    as(token).patch(V2 + "/domains/~/users/~/messagesessions").then().statusCode(405)
        .body("code", equalTo(405));
    as(token).body("{\"message\":\"" + "x".repeat(70_000) + "\"}")
        .post(V2 + "/domains/~/users/~/messages").then().statusCode(413).body("code", equalTo(413));
    as(token).contentType(ContentType.XML).body("<a/>").post(V2 + "/domains/~/users/~/messages")
        .then().statusCode(415).body("code", equalTo(415));
  }
}
