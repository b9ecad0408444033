package dev.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Amity test set-up through the real APIs: a network (domain) with an API key, and sessions
 * opened with it ({@code POST /api/v4/sessions}), which create unknown users as Amity does.
 */
public final class AmityFixtures {
  /** A domain and one of its API keys (Amity's "network" and its x-api-key). */
  public record Network(String domain, String apiKey) {}

  private final Fixtures fixtures;

  public AmityFixtures(Fixtures fixtures) {
    this.fixtures = fixtures;
  }

  public Network network() {
    String domain = fixtures.domain();
    String key =
        fixtures
            .admin()
            .body(Json.of("description", "amity sdk"))
            .post("/admin/v1/domains/{d}/api-keys", domain)
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    return new Network(domain, key);
  }

  /** A session request with the network's API key (body still to be set). */
  public RequestSpecification withApiKey(Network network) {
    return given().header("x-api-key", network.apiKey()).contentType(ContentType.JSON);
  }

  /** Opens a session for a new user with a unique id; returns the user id. */
  public String newUser(Network network) {
    String userId = Fixtures.unique("amity");
    session(network, userId);
    return userId;
  }

  /** Opens a session for the user (created when unknown) on device "device-1"; the token. */
  public String session(Network network, String userId) {
    return session(network, userId, "device-1");
  }

  public String session(Network network, String userId, String deviceId) {
    return withApiKey(network)
        .body(Json.of("userId", userId, "deviceId", deviceId, "displayName", "User " + userId))
        .post("/api/v4/sessions")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** An authenticated Amity request. */
  public RequestSpecification as(String accessToken) {
    return fixtures.as(accessToken);
  }
}
