package dev.switchboard.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.NewApiKey;
import dev.switchboard.shared.Scope;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import dev.switchboard.tenant.TenantService;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Disabling a user cuts off every credential acting as him, in every dialect and on open
 * WebSockets; enabling lets him log in again; deleting erases him as ADR 0010 says.
 */
class AdminUserLifecycleIT extends ApiTestBase {
  @Autowired ApiKeyService apiKeys;
  @Autowired TenantService tenants;

  @Test
  void disablingRevokesEveryCredentialInEveryDialectAndClosesHisWebSockets() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String domain = network.domain();
    String alice = fixtures.user(domain);
    String other = fixtures.user(domain);
    String tokens = loginPair(domain, alice);
    String token = Json.parse(tokens).get("accessToken").asString();
    String refresh = Json.parse(tokens).get("refreshToken").asString();
    String session = amity.session(network, alice);
    String userKey = apiKeys.create(new NewApiKey(tenants.byName(domain).id(), "acts as alice",
        Scope.BASIC_USER, alice, false, false)).key();
    String otherToken = fixtures.token(domain, other);

    // Everything works before.
    fixtures.as(token).get("/api/v1/chats").then().statusCode(200);
    amity.as(session).get("/api/v3/sessions").then().statusCode(200);
    given().header("Authorization", "Bearer " + userKey).get("/ns-api/v2/domains/~/users/~/messagesessions")
        .then().statusCode(200);
    try (WsClient socket = WsClient.ready(port, token);
        WsClient bystander = WsClient.ready(port, otherToken)) {
      fixtures.admin().post("/admin/v1/domains/{d}/users/{u}/disable", domain, alice).then()
          .statusCode(200).body("disabled", equalTo(true))
          // The password login's refresh token and the Amity session's.
          .body("refreshTokensRevoked", equalTo(2)).body("deviceSessionsRevoked", equalTo(1))
          .body("apiKeysRevoked", equalTo(1));
      assertThat(socket.closeCode()).isEqualTo(4003);
      bystander.send(Json.of("type", "ping"));
      assertThat(bystander.next("pong").get("type").asString()).isEqualTo("pong");
    }

    // Allmine and native tokens, Amity session tokens, NetSapiens API keys, refresh, login.
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    amity.as(session).get("/api/v3/sessions").then().statusCode(401);
    given().header("Authorization", "Bearer " + userKey).get("/ns-api/v2/domains/~/users/~/messagesessions")
        .then().statusCode(401);
    given().contentType(ContentType.JSON).body(Json.of("refreshToken", refresh)).post("/auth/refresh")
        .then().statusCode(401);
    login(domain, alice).then().statusCode(401);
    amity.withApiKey(network).body(Json.of("userId", alice, "deviceId", "new-phone"))
        .post("/api/v4/sessions").then().statusCode(403);
    WsClient refused = WsClient.connect(port, token);
    assertThat(refused.closeCode()).isEqualTo(4001);
    refused.close();
    // The other user of the domain is untouched.
    fixtures.as(otherToken).get("/api/v1/chats").then().statusCode(200);

    fixtures.admin().get("/admin/v1/domains/{d}/users", domain).then()
        .body("items.find { it.userId == '" + alice + "' }.disabled", equalTo(true));
    fixtures.admin().queryParam("disabled", true).get("/admin/v1/domains/{d}/users", domain).then()
        .body("items.userId", equalTo(List.of(alice)));

    fixtures.admin().post("/admin/v1/domains/{d}/users/{u}/enable", domain, alice).then()
        .statusCode(200).body("disabled", equalTo(false));
    // Revocation has whole-second precision (the tokens' iat): a login in the same second as the
    // disable is refused too, so wait for a token that is accepted.
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        fixtures.as(fixtures.token(domain, alice)).get("/api/v1/chats").then().statusCode(200));
    // What the disable revoked stays revoked.
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    given().header("Authorization", "Bearer " + userKey).get("/ns-api/v2/domains/~/users/~/messagesessions")
        .then().statusCode(401);
  }

  @Test
  void aNewPasswordOrScopeRevokesTheUsersTokens() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    fixtures.admin().body(Json.of("displayName", "Alice Renamed"))
        .patch("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(200)
        .body("displayName", equalTo("Alice Renamed")).body("scope", equalTo("Basic User"));
    fixtures.as(token).get("/api/v1/chats").then().statusCode(200);

    fixtures.admin().body(Json.of("password", "a-brand-new-password"))
        .patch("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(200);
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    login(domain, alice).then().statusCode(401);
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      String fresh = given().contentType(ContentType.JSON)
          .body(Json.of("domain", domain, "userId", alice, "password", "a-brand-new-password"))
          .post("/auth/token").then().statusCode(200).extract().path("accessToken");
      fixtures.as(fresh).get("/api/v1/chats").then().statusCode(200);
    });

    fixtures.admin().body(Json.of("scope", "Emperor", "password", "short"))
        .patch("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(400)
        .body("error", equalTo("invalid_argument"));
    fixtures.admin().body(Json.of("scope", "Office Manager"))
        .patch("/admin/v1/domains/{d}/users/{u}", domain, "nobody").then().statusCode(404);
  }

  @Test
  void deletingAUserErasesWhatHeWroteKeepsTheLedgerAndNeverReusesTheId() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    fixtures.credit(domain, alice, 100);
    String aliceToken = fixtures.token(domain, alice);
    String bobToken = fixtures.token(domain, bob);
    String chat = fixtures.as(aliceToken)
        .body(Json.of("type", "text", "targetUserId", bob, "content", "my secret plans"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    fixtures.as(aliceToken).body(Json.of("recipientId", bob, "amount", 30))
        .post("/api/v1/messages/credit-transfer").then().statusCode(201);
    fixtures.as(bobToken).body(Json.of("type", "text", "chatId", chat, "content", "reply from bob"))
        .post("/api/v2/messages").then().statusCode(201);

    fixtures.admin().delete("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(200)
        .body("creditsReturned", equalTo(70)).body("membershipsRemoved", equalTo(1));

    fixtures.admin().get("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(404);
    fixtures.as(aliceToken).get("/api/v1/chats").then().statusCode(401);
    fixtures.admin().body(Json.of("userId", alice, "password", Fixtures.PASSWORD))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(409);

    // Bob still has the chat; Alice's words are gone, his own remain, in history and change log.
    String history = fixtures.admin().get("/admin/v1/domains/{d}/conversations/{c}/messages", domain, chat)
        .then().statusCode(200).extract().asString();
    assertThat(history).doesNotContain("my secret plans").contains("reply from bob");
    String changes = fixtures.as(bobToken).queryParam("conversationId", chat)
        .get("/realtime/v1/changes").then().statusCode(200).extract().asString();
    assertThat(changes).doesNotContain("my secret plans").contains("reply from bob");
    fixtures.admin().get("/admin/v1/domains/{d}/conversations/{c}", domain, chat).then()
        .body("members.userId", not(hasItem(alice))).body("members.userId", hasItem(bob));

    // The ledger is never rewritten: Alice's entries stay, with the return of her balance.
    JsonNode ledger = Json.parse(fixtures.admin()
        .get("/admin/v1/domains/{d}/users/{u}/ledger", domain, alice).then().statusCode(200)
        .extract().asString());
    assertThat(ledger.get("balance").asLong()).isZero();
    assertThat(ledger.get("items")).extracting(e -> e.get("kind").asString() + " " + e.get("amount").asLong())
        .containsExactly("adjustment -70", "transfer -30", "top_up 100");
    assertThat(fixtures.balance(domain, bob)).isEqualTo(30);
    fixtures.admin().get("/admin/v1/audit?action=user.delete&q=" + alice).then()
        .body("items[0].target", equalTo("userId=" + alice)).body("items[0].domain", equalTo(domain))
        .body("items[0].details", org.hamcrest.Matchers.containsString("creditsReturned=70"))
        .body("items[0].actor", equalTo("admin key")).body("items[0].clientAddress", not(nullValue()));
  }

  private String loginPair(String domain, String userId) {
    return login(domain, userId).then().statusCode(200).extract().asString();
  }

  private io.restassured.response.Response login(String domain, String userId) {
    return given().contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", userId, "password", Fixtures.PASSWORD))
        .post("/auth/token");
  }
}
