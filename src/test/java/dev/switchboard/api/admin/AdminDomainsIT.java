package dev.switchboard.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import org.junit.jupiter.api.Test;

/** Domains: paging and search, reading and describing, deleting by ADR 0010, and their audit. */
class AdminDomainsIT extends ApiTestBase {

  @Test
  void domainsArePagedAndSearchedByNameOrDescription() {
    String tag = Fixtures.unique("paged").toLowerCase();
    for (int i = 0; i < 5; i++) {
      fixtures.admin().body(Json.of("domain", tag + "-" + i, "description", "Tenant " + i))
          .post("/admin/v1/domains").then().statusCode(201);
    }
    fixtures.admin().queryParam("q", tag).queryParam("limit", 2).get("/admin/v1/domains").then()
        .statusCode(200).body("total", equalTo(5)).body("page", equalTo(1)).body("limit", equalTo(2))
        .body("items.domain", equalTo(java.util.List.of(tag + "-0", tag + "-1")));
    fixtures.admin().queryParam("q", tag).queryParam("limit", 2).queryParam("page", 3)
        .get("/admin/v1/domains").then().body("items.domain", equalTo(java.util.List.of(tag + "-4")));
    fixtures.admin().queryParam("q", "TENANT 3").queryParam("limit", 100).get("/admin/v1/domains")
        .then().body("items.domain", org.hamcrest.Matchers.hasItem(tag + "-3"));
    fixtures.admin().queryParam("q", tag + "%").get("/admin/v1/domains").then().body("total", equalTo(0));
    fixtures.admin().queryParam("limit", 0).get("/admin/v1/domains").then().statusCode(400)
        .body("error", equalTo("invalid_argument"));
    fixtures.admin().queryParam("page", 0).get("/admin/v1/domains").then().statusCode(400);
  }

  @Test
  void aDomainIsReadAndDescribedAndEachChangeIsAudited() {
    String domain = fixtures.domain();
    fixtures.admin().get("/admin/v1/domains/{d}", domain).then().statusCode(200)
        .body("domain", equalTo(domain)).body("reseller", equalTo(null));
    fixtures.admin().body(Json.of("description", "Renamed Corp"))
        .patch("/admin/v1/domains/{d}", domain).then().statusCode(200)
        .body("description", equalTo("Renamed Corp"));
    fixtures.admin().body(Json.of("description", "x".repeat(501)))
        .patch("/admin/v1/domains/{d}", domain).then().statusCode(400);
    fixtures.admin().get("/admin/v1/domains/{d}", "no-such-domain").then().statusCode(404)
        .body("error", equalTo("not_found"));

    fixtures.admin().queryParam("domain", domain).get("/admin/v1/audit").then().statusCode(200)
        .body("items.action", equalTo(java.util.List.of("domain.update", "domain.update", "domain.create")))
        .body("items[0].details", equalTo("status=400"))
        .body("items[1].details", equalTo("status=200"))
        .body("items[2].domain", equalTo(domain));
  }

  @Test
  void deletingADomainRevokesEverythingErasesItsUsersAndKeepsItsNameTaken() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String domain = network.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    fixtures.credit(domain, alice, 40);
    String token = fixtures.token(domain, alice);
    String session = amity.session(network, bob);
    fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "hello"))
        .post("/api/v2/messages").then().statusCode(201);

    try (WsClient socket = WsClient.ready(port, token)) {
      fixtures.admin().delete("/admin/v1/domains/{d}", domain).then().statusCode(200)
          .body("domain", equalTo(domain)).body("usersErased", equalTo(2))
          .body("apiKeysRevoked", equalTo(1));
      assertThat(socket.closeCode()).isEqualTo(4003);
    }
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    amity.as(session).get("/api/v3/sessions").then().statusCode(401);
    amity.withApiKey(network).body(Json.of("userId", "carol", "deviceId", "d1"))
        .post("/api/v4/sessions").then().statusCode(401);
    fixtures.admin().get("/admin/v1/domains/{d}", domain).then().statusCode(404);
    fixtures.admin().get("/admin/v1/domains/{d}/users", domain).then().statusCode(404);
    fixtures.admin().queryParam("q", domain).get("/admin/v1/domains").then().body("items", hasSize(0));
    fixtures.admin().body(Json.of("domain", domain)).post("/admin/v1/domains").then().statusCode(409);
    fixtures.admin().queryParam("action", "domain.delete").queryParam("q", "usersErased=2")
        .get("/admin/v1/audit").then().body("items.domain", org.hamcrest.Matchers.hasItem(domain));

    fixtures.admin().delete("/admin/v1/domains/{d}", "default").then().statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("default domain cannot be deleted"));
    given().get("/admin/v1/domains/{d}", "default").then().statusCode(401);
  }

  @Test
  void everyAdminEndpointIsInTheOpenApiDocumentWithExamples() {
    String document = given().get("/v3/api-docs").then().statusCode(200).extract().asString();
    for (String path : java.util.List.of(
        "/admin/v1/domains/{domain}", "/admin/v1/domains/{domain}/users/{userId}/disable",
        "/admin/v1/domains/{domain}/users/{userId}/enable", "/admin/v1/domains/{domain}/users/{userId}/ledger",
        "/admin/v1/domains/{domain}/users/{userId}/credit-adjustments",
        "/admin/v1/domains/{domain}/api-keys/{keyId}", "/admin/v1/domains/{domain}/conversations/{conversationId}/messages",
        "/admin/v1/domains/{domain}/conversations/{conversationId}/changes/stream",
        "/admin/v1/domains/{domain}/moderation/flagged", "/admin/v1/domains/{domain}/messages/{messageId}",
        "/admin/v1/domains/{domain}/sms/outbox/{entryId}/retry", "/admin/v1/audit", "/admin/v1/status",
        "/admin/v1/realtime/connections", "/console/session")) {
      assertThat(document).as(path).contains("\"" + path + "\"");
    }
    assertThat(document).contains("\"example\":\"user.disable\"").contains("\"example\":\"acme\"");
  }

  @Test
  void theLandingPageSaysWhatIsRunning() {
    given().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
        .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
        .body(org.hamcrest.Matchers.containsString("/console"))
        .body(org.hamcrest.Matchers.containsString("/swagger-ui.html"))
        .body(org.hamcrest.Matchers.containsString("/actuator/health"));
    given().get("/console").then().statusCode(200)
        .body(org.hamcrest.Matchers.containsString("console.js"));
  }
}
