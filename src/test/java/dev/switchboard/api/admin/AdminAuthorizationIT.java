package dev.switchboard.api.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only the admin key, or a console session with its CSRF token, opens the admin API: user
 * tokens and API keys are refused on every endpoint with the native error shape.
 */
class AdminAuthorizationIT extends ApiTestBase {
  private static final List<String[]> ENDPOINTS = List.of(
      new String[] {"GET", "/admin/v1/domains"},
      new String[] {"POST", "/admin/v1/domains"},
      new String[] {"GET", "/admin/v1/domains/{d}"},
      new String[] {"PATCH", "/admin/v1/domains/{d}"},
      new String[] {"DELETE", "/admin/v1/domains/{d}"},
      new String[] {"GET", "/admin/v1/domains/{d}/users"},
      new String[] {"POST", "/admin/v1/domains/{d}/users"},
      new String[] {"GET", "/admin/v1/domains/{d}/users/{u}"},
      new String[] {"PATCH", "/admin/v1/domains/{d}/users/{u}"},
      new String[] {"DELETE", "/admin/v1/domains/{d}/users/{u}"},
      new String[] {"POST", "/admin/v1/domains/{d}/users/{u}/disable"},
      new String[] {"POST", "/admin/v1/domains/{d}/users/{u}/enable"},
      new String[] {"POST", "/admin/v1/domains/{d}/users/{u}/credits"},
      new String[] {"POST", "/admin/v1/domains/{d}/users/{u}/credit-adjustments"},
      new String[] {"GET", "/admin/v1/domains/{d}/users/{u}/ledger"},
      new String[] {"GET", "/admin/v1/domains/{d}/api-keys"},
      new String[] {"POST", "/admin/v1/domains/{d}/api-keys"},
      new String[] {"DELETE", "/admin/v1/domains/{d}/api-keys/x"},
      new String[] {"GET", "/admin/v1/domains/{d}/conversations"},
      new String[] {"GET", "/admin/v1/domains/{d}/conversations/x"},
      new String[] {"GET", "/admin/v1/domains/{d}/conversations/x/messages"},
      new String[] {"GET", "/admin/v1/domains/{d}/conversations/x/changes/stream"},
      new String[] {"POST", "/admin/v1/domains/{d}/conversations/x/bans"},
      new String[] {"DELETE", "/admin/v1/domains/{d}/conversations/x/bans/{u}"},
      new String[] {"GET", "/admin/v1/domains/{d}/moderation/flagged"},
      new String[] {"DELETE", "/admin/v1/domains/{d}/messages/x"},
      new String[] {"GET", "/admin/v1/domains/{d}/sms/numbers"},
      new String[] {"GET", "/admin/v1/domains/{d}/sms/outbox"},
      new String[] {"POST", "/admin/v1/domains/{d}/sms/outbox/x/retry"},
      new String[] {"POST", "/admin/v1/domains/{d}/sms/outbox/x/cancel"},
      new String[] {"GET", "/admin/v1/audit"},
      new String[] {"GET", "/admin/v1/status"},
      new String[] {"GET", "/admin/v1/realtime/connections"});

  @Test
  void userTokensApiKeysAndWrongKeysAreRefusedEverywhere() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String token = fixtures.token(domain, user);
    String apiKey = fixtures.admin().body(Json.of("description", "app"))
        .post("/admin/v1/domains/{d}/api-keys", domain).then().extract().path("key");
    for (String credential : List.of(token, apiKey, "wrong-admin-key", ADMIN_KEY + "x")) {
      for (String[] endpoint : ENDPOINTS) {
        call(given().header("Authorization", "Bearer " + credential), endpoint, domain, user)
            .then().statusCode(401).body("error", equalTo("unauthenticated"));
      }
    }
    for (String[] endpoint : ENDPOINTS) {
      call(given(), endpoint, domain, user).then().statusCode(401)
          .body("message", equalTo("Admin key required"));
    }
    // Nothing was changed by any of those calls.
    fixtures.admin().get("/admin/v1/domains/{d}/users/{u}", domain, user).then().statusCode(200)
        .body("disabled", equalTo(false));
  }

  @Test
  void theConsoleSessionNeedsItsCsrfTokenForChangesAndEndsOnSignOut() {
    given().contentType(ContentType.JSON).body(Json.of("key", "not-the-key"))
        .post("/console/session").then().statusCode(401).body("error", equalTo("unauthenticated"));
    Response signIn = given().contentType(ContentType.JSON).body(Json.of("key", ADMIN_KEY))
        .post("/console/session");
    signIn.then().statusCode(201);
    String cookie = signIn.getCookie(AdminKeyInterceptor.COOKIE);
    String csrf = signIn.path("csrfToken");
    org.assertj.core.api.Assertions.assertThat(signIn.getHeader("Set-Cookie"))
        .contains("HttpOnly").contains("SameSite=Strict").doesNotContain(ADMIN_KEY);

    given().cookie(AdminKeyInterceptor.COOKIE, cookie).get("/admin/v1/status").then().statusCode(200);
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).contentType(ContentType.JSON)
        .body(Json.of("domain", "csrf-less")).post("/admin/v1/domains").then().statusCode(403)
        .body("error", equalTo("forbidden")).body("message", equalTo("Missing or wrong CSRF token"));
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).header("X-CSRF-Token", "guess")
        .contentType(ContentType.JSON).body(Json.of("domain", "csrf-less"))
        .post("/admin/v1/domains").then().statusCode(403);
    String domain = dev.switchboard.support.Fixtures.unique("via-console");
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).header("X-CSRF-Token", csrf)
        .contentType(ContentType.JSON).body(Json.of("domain", domain))
        .post("/admin/v1/domains").then().statusCode(201);
    fixtures.admin().queryParam("action", "domain.create").queryParam("limit", 200).get("/admin/v1/audit")
        .then().body("items.find { it.domain == '" + domain + "' }.actor",
            equalTo("console session " + signIn.path("sessionId")));

    given().cookie(AdminKeyInterceptor.COOKIE, cookie).get("/console/session").then().statusCode(200)
        .body("csrfToken", equalTo(csrf));
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).delete("/console/session").then().statusCode(403);
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).header("X-CSRF-Token", csrf)
        .delete("/console/session").then().statusCode(204);
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).get("/admin/v1/status").then().statusCode(401);
    given().cookie(AdminKeyInterceptor.COOKIE, cookie).get("/console/session").then().statusCode(401);
    fixtures.admin().queryParam("action", "console.").get("/admin/v1/audit").then()
        .body("items.action", hasItem("console.sign-out")).body("items.action", hasItem("console.sign-in"))
        .body("items.details", hasItem(org.hamcrest.Matchers.startsWith("refused")));
  }

  @Test
  void signingInFromAnotherSiteIsRefused() {
    given().contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site")
        .body(Json.of("key", ADMIN_KEY)).post("/console/session").then().statusCode(403);
    given().contentType(ContentType.JSON).header("Origin", "https://evil.example")
        .body(Json.of("key", ADMIN_KEY)).post("/console/session").then().statusCode(403)
        .body("error", not(equalTo("")));
  }

  private static Response call(
      io.restassured.specification.RequestSpecification spec, String[] endpoint, String domain, String user) {
    String path = endpoint[1].replace("{d}", domain).replace("{u}", user);
    spec = spec.contentType(ContentType.JSON);
    return switch (endpoint[0]) {
      case "GET" -> spec.get(path);
      case "POST" -> spec.body("{\"domain\":\"x\",\"amount\":1,\"userId\":\"x\"}").post(path);
      case "PATCH" -> spec.body("{\"description\":\"x\"}").patch(path);
      case "DELETE" -> spec.delete(path);
      default -> throw new IllegalArgumentException(endpoint[0]);
    };
  }
}
