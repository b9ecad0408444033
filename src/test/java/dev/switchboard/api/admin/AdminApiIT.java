package dev.switchboard.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

class AdminApiIT extends ApiTestBase {

  @Test
  void everyAdminCallNeedsTheAdminKey() {
    given().get("/admin/v1/domains").then().statusCode(401)
        .body("error", equalTo("unauthenticated")).body("message", equalTo("Admin key required"));
    given().header("Authorization", "Bearer wrong").get("/admin/v1/domains").then().statusCode(401)
        .body("error", equalTo("unauthenticated"));
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    // A user's access token is no admin key.
    given().header("Authorization", "Bearer " + fixtures.token(domain, user))
        .contentType(ContentType.JSON).body(Json.of("domain", "x"))
        .post("/admin/v1/domains").then().statusCode(401);
  }

  @Test
  void domainsAreCreatedListedAndValidated() {
    String name = Fixtures.unique("acme");
    fixtures.admin().body(Json.of("domain", name, "description", "Acme Inc"))
        .post("/admin/v1/domains").then().statusCode(201)
        .body("domain", equalTo(name)).body("description", equalTo("Acme Inc"))
        .body("createdAt", matchesPattern("\\d{4}-.*Z"));
    fixtures.admin().body(Json.of("domain", name)).post("/admin/v1/domains").then().statusCode(409)
        .body("error", equalTo("conflict"));
    for (String bad : new String[] {"", "has space", "slash/y", "x".repeat(65), "ümlaut"}) {
      fixtures.admin().body(Json.of("domain", bad)).post("/admin/v1/domains").then().statusCode(400)
          .body("error", equalTo("invalid_argument"));
    }
    fixtures.admin().body("{}").post("/admin/v1/domains").then().statusCode(400);
    fixtures.admin().queryParam("q", name).get("/admin/v1/domains").then().statusCode(200)
        .body("items.domain", hasItem(name)).body("total", equalTo(1));
    fixtures.admin().queryParam("q", "default").get("/admin/v1/domains").then().statusCode(200)
        .body("items.domain", hasItem("default"));
  }

  @Test
  void usersAreCreatedWithoutEverExposingTheirPassword() {
    String domain = fixtures.domain();
    Response created = fixtures.admin()
        .body(Json.of("userId", "alice", "displayName", "Alice", "password", "s3cret-pass", "scope", "Office Manager"))
        .post("/admin/v1/domains/{d}/users", domain);
    created.then().statusCode(201)
        .body("userId", equalTo("alice")).body("domain", equalTo(domain))
        .body("displayName", equalTo("Alice")).body("scope", equalTo("Office Manager"))
        .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
    assertThat(created.asString()).doesNotContain("s3cret-pass").doesNotContain("bcrypt");

    fixtures.admin().get("/admin/v1/domains/{d}/users/alice", domain).then().statusCode(200)
        .body("balance", equalTo(0)).body("scope", equalTo("Office Manager"))
        .body("$", not(hasKey("password")));

    fixtures.admin().body(Json.of("userId", "alice", "password", "another-pass"))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(409);
    fixtures.admin().body(Json.of("displayName", "Generated"))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201)
        .body("userId", matchesPattern("[0-9a-f]{24}")).body("scope", equalTo("Basic User"));
    fixtures.admin().body(Json.of("userId", "bob")).post("/admin/v1/domains/{d}/users", "no-such-domain")
        .then().statusCode(404).body("error", equalTo("not_found"));
    fixtures.admin().body(Json.of("userId", "bad id!", "scope", "Emperor", "password", "short"))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(400)
        .body("message", startsWith("Validation failed"))
        .body("message", org.hamcrest.Matchers.containsString("userId must match"))
        .body("message", org.hamcrest.Matchers.containsString("scope must be one of"))
        .body("message", org.hamcrest.Matchers.containsString("password must be at least 8 characters"));
    fixtures.admin().get("/admin/v1/domains/{d}/users/nobody", domain).then().statusCode(404);
  }

  @Test
  void creditsAreToppedUpThroughTheLedger() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    fixtures.admin().body(Json.of("amount", 100, "reason", "top-up"))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, user).then().statusCode(200)
        .body("userId", equalTo(user)).body("balance", equalTo(100));
    fixtures.admin().header("Idempotency-Key", "grant-1").body(Json.of("amount", 50))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, user).then().body("balance", equalTo(150));
    fixtures.admin().header("Idempotency-Key", "grant-1").body(Json.of("amount", 50))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, user).then().body("balance", equalTo(150));
    assertThat(fixtures.balance(domain, user)).isEqualTo(150);

    for (String amount : new String[] {"0", "-1", "1.5", "\"10\""}) {
      fixtures.admin().body("{\"amount\":" + amount + "}")
          .post("/admin/v1/domains/{d}/users/{u}/credits", domain, user).then().statusCode(400);
    }
    fixtures.admin().body(Json.of("amount", 1))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, "ghost").then().statusCode(404);
  }

  @Test
  void apiKeysAreShownOnceAndStoredHashed() {
    String domain = fixtures.domain();
    fixtures.admin().body(Json.of("description", "portal", "scope", "Office Manager"))
        .post("/admin/v1/domains/{d}/api-keys", domain).then().statusCode(201)
        .body("keyId", matchesPattern("ns[srdu]_[0-9A-Za-z]{8}")).body("key", startsWith("sbk_"));
    fixtures.admin().body(Json.of("scope", "Root")).post("/admin/v1/domains/{d}/api-keys", domain)
        .then().statusCode(400);
    fixtures.admin().body(Json.of("description", "x")).post("/admin/v1/domains/{d}/api-keys", "nope")
        .then().statusCode(404);
  }

  @Test
  void unknownNativeRoutesAndMethodsUseTheNativeEnvelope() {
    fixtures.admin().get("/admin/v1/nothing").then().statusCode(404).body("error", equalTo("not_found"));
    fixtures.admin().delete("/admin/v1/domains").then().statusCode(405)
        .body("error", equalTo("method_not_allowed"));
    fixtures.admin().body("{not json").post("/admin/v1/domains").then().statusCode(400)
        .body("error", equalTo("invalid_argument"));
  }
}
