package dev.switchboard.api.netsapiens;

import static io.restassured.RestAssured.given;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * Test set-up through the real APIs: domains (optionally under a reseller) and users of a given
 * scope through the admin API, tokens through POST /ns-api/v2/tokens.
 */
final class NsClient {
  static final String V2 = "/ns-api/v2";

  private final Fixtures fixtures;

  NsClient(Fixtures fixtures) {
    this.fixtures = fixtures;
  }

  String domain(String reseller) {
    String name = Fixtures.unique("ns");
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("domain", name);
    if (reseller != null) {
      body.put("reseller", reseller);
    }
    fixtures.admin().body(Json.of(body)).post("/admin/v1/domains").then().statusCode(201);
    return name;
  }

  String user(String domain, String scope) {
    String userId = Fixtures.unique("x");
    fixtures.admin()
        .body(Json.of("userId", userId, "displayName", "Ann " + userId, "password",
            Fixtures.PASSWORD, "scope", scope, "email", userId + "@example.com"))
        .post("/admin/v1/domains/{d}/users", domain)
        .then()
        .statusCode(201);
    return userId;
  }

  String token(String domain, String userId) {
    return given()
        .contentType(ContentType.JSON)
        .body(Json.of("grant_type", "password", "client_id", "portal", "client_secret", "s",
            "username", userId + "@" + domain, "password", Fixtures.PASSWORD))
        .post(V2 + "/tokens")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  static RequestSpecification as(String bearer) {
    return given().header("Authorization", "Bearer " + bearer).contentType(ContentType.JSON);
  }

  /** A client-minted session id: 32+ characters of [A-Za-z0-9_]. */
  static String sessionId() {
    return java.util.UUID.randomUUID().toString().replace("-", "") + "_x";
  }

  static String chat(String text, Object destination) {
    return Json.of("type", "chat", "message", text, "destination", destination);
  }
}
