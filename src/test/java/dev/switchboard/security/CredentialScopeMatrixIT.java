package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which credential may act as which scope. For each kind of credential, made for a user (or,
 * for an API key, with a scope) at each NetSapiens level, the test finds the highest level it
 * actually acts at, by probing one operation per level: its own sessions (Basic User), its
 * domain's users (Office Manager), a domain of the same reseller (Reseller), an unrelated domain
 * (Super User); the admin API stands apart and takes the admin key only.
 */
class CredentialScopeMatrixIT extends ApiTestBase {
  enum Credential { ADMIN_KEY, PASSWORD_TOKEN, NS_TOKEN, NS_JWT, NS_API_KEY, AMITY_KEY_SESSION }

  private static final List<String> SCOPES =
      List.of("Basic User", "Office Manager", "Reseller", "Super User");
  private static final String NONE = "none";
  private static final String ADMIN = "admin";

  static Stream<Arguments> matrix() {
    Map<Credential, List<String>> expected = new LinkedHashMap<>();
    expected.put(Credential.ADMIN_KEY, List.of(ADMIN, ADMIN, ADMIN, ADMIN));
    expected.put(Credential.PASSWORD_TOKEN, SCOPES);
    expected.put(Credential.NS_TOKEN, SCOPES);
    expected.put(Credential.NS_JWT, SCOPES);
    // A key without a user acts for nobody in particular: its scope is domain-wide only.
    expected.put(Credential.NS_API_KEY, List.of(NONE, "Office Manager", "Reseller", "Super User"));
    // ADR 0014: an Amity key opens sessions for Basic Users only, and they stay Basic Users.
    expected.put(Credential.AMITY_KEY_SESSION, List.of("Basic User", NONE, NONE, NONE));
    List<Arguments> rows = new ArrayList<>();
    expected.forEach(
        (credential, levels) -> {
          for (int i = 0; i < SCOPES.size(); i++) {
            rows.add(Arguments.of(credential, SCOPES.get(i), levels.get(i)));
          }
        });
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} for a {1} acts as {2}")
  @MethodSource("matrix")
  void credentialActsAtMostAtItsScope(Credential credential, String scope, String expected) {
    String reseller = Fixtures.unique("res");
    String home = domain(reseller);
    String sibling = domain(reseller);
    String foreign = domain(Fixtures.unique("res"));
    String userId = Fixtures.unique("u");
    fixtures.admin()
        .body(Json.of("userId", userId, "password", Fixtures.PASSWORD, "scope", scope))
        .post("/admin/v1/domains/{d}/users", home).then().statusCode(201);
    String bearer = credential(credential, home, userId, scope);
    assertThat(actsAs(bearer, sibling, foreign)).isEqualTo(expected);
  }

  private String actsAs(String bearer, String sibling, String foreign) {
    if (bearer == null) {
      return NONE;
    }
    if (get(bearer, "/admin/v1/domains").statusCode() == 200) {
      return ADMIN;
    }
    if (get(bearer, "/ns-api/v2/domains/" + foreign + "/users").statusCode() == 200) {
      return "Super User";
    }
    if (get(bearer, "/ns-api/v2/domains/" + sibling + "/users").statusCode() == 200) {
      return "Reseller";
    }
    if (get(bearer, "/ns-api/v2/domains/~/users").statusCode() == 200) {
      return "Office Manager";
    }
    if (get(bearer, "/ns-api/v2/domains/~/users/~/messagesessions").statusCode() == 200) {
      return "Basic User";
    }
    return NONE;
  }

  /** The credential, or null when it cannot be had for this user at all. */
  private String credential(Credential credential, String domain, String userId, String scope) {
    return switch (credential) {
      case ADMIN_KEY -> ADMIN_KEY;
      case PASSWORD_TOKEN -> fixtures.token(domain, userId);
      case NS_TOKEN ->
          given().contentType(ContentType.URLENC)
              .formParam("grant_type", "password").formParam("client_id", "portal")
              .formParam("client_secret", "s").formParam("username", userId + "@" + domain)
              .formParam("password", Fixtures.PASSWORD)
              .post("/ns-api/v2/tokens").then().statusCode(200).extract().path("access_token");
      case NS_JWT ->
          given().contentType(ContentType.JSON)
              .body(Json.of("client_id", "portal", "client_secret", "s",
                  "username", userId + "@" + domain, "password", Fixtures.PASSWORD))
              .post("/ns-api/v2/jwt").then().statusCode(200).extract().path("token");
      case NS_API_KEY ->
          fixtures.admin().body(Json.of("description", "matrix", "scope", scope))
              .post("/admin/v1/domains/{d}/api-keys", domain)
              .then().statusCode(201).extract().path("key");
      case AMITY_KEY_SESSION -> {
        String key =
            fixtures.admin().body(Json.of("description", "amity"))
                .post("/admin/v1/domains/{d}/api-keys", domain)
                .then().statusCode(201).extract().path("key");
        Response opened =
            new AmityFixtures(fixtures)
                .withApiKey(new AmityFixtures.Network(domain, key))
                .body(Json.of("userId", userId, "deviceId", "matrix"))
                .post("/api/v4/sessions");
        yield opened.statusCode() == 200 ? opened.path("accessToken") : null;
      }
    };
  }

  private String domain(String reseller) {
    String name = Fixtures.unique("mx");
    fixtures.admin().body(Json.of("domain", name, "reseller", reseller))
        .post("/admin/v1/domains").then().statusCode(201);
    return name;
  }

  private static Response get(String bearer, String path) {
    return given().header("Authorization", "Bearer " + bearer).get(path);
  }
}
