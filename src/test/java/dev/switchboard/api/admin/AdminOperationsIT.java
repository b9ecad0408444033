package dev.switchboard.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.sms.SmsOutboxEntries;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.tenant.TenantService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Conversations, moderation, API keys, credits, SMS outbox and status through the admin API. */
class AdminOperationsIT extends ApiTestBase {
  @Autowired SmsOutboxEntries outbox;
  @Autowired TenantService tenants;

  @Test
  void conversationsAreListedByMemberAndReadNewestFirstWithEveryReadAudited() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String carol = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    String chat = null;
    for (int i = 1; i <= 5; i++) {
      chat = fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "m" + i))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    }
    fixtures.as(token).body(Json.of("type", "text", "targetUserId", carol, "content", "hi carol"))
        .post("/api/v2/messages").then().statusCode(201);

    fixtures.admin().queryParam("member", bob).get("/admin/v1/domains/{d}/conversations", domain)
        .then().statusCode(200).body("total", equalTo(1)).body("items[0].conversationId", equalTo(chat))
        .body("items[0].kind", equalTo("direct")).body("items[0].messages", equalTo(5))
        .body("items[0].members.userId", hasItem(alice));
    fixtures.admin().queryParam("kind", "direct").get("/admin/v1/domains/{d}/conversations", domain)
        .then().body("total", equalTo(2));
    fixtures.admin().queryParam("kind", "secret").get("/admin/v1/domains/{d}/conversations", domain)
        .then().statusCode(400);

    fixtures.admin().queryParam("limit", 2).get("/admin/v1/domains/{d}/conversations/{c}/messages", domain, chat)
        .then().statusCode(200).body("items.content", equalTo(List.of("m5", "m4")))
        .body("nextBefore", equalTo(4));
    fixtures.admin().queryParam("limit", 2).queryParam("before", 2)
        .get("/admin/v1/domains/{d}/conversations/{c}/messages", domain, chat)
        .then().body("items.content", equalTo(List.of("m1"))).body("nextBefore", nullValue());
    fixtures.admin().queryParam("action", "conversation.read-messages").queryParam("domain", domain)
        .get("/admin/v1/audit").then().body("items", hasSize(2))
        .body("items[0].target", equalTo("conversationId=" + chat));

    // Isolation: another domain's name does not reach this conversation.
    String elsewhere = fixtures.domain();
    fixtures.admin().get("/admin/v1/domains/{d}/conversations/{c}", elsewhere, chat).then().statusCode(404);
    fixtures.admin().get("/admin/v1/domains/{d}/conversations/{c}/messages", elsewhere, chat).then()
        .statusCode(404);
  }

  @Test
  void theChangeStreamDeliversAMessageAsItIsSent() throws Exception {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    String chat = fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "before"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/admin/v1/domains/" + domain + "/conversations/" + chat + "/changes/stream"))
        .header("Authorization", "Bearer " + ADMIN_KEY).build();
    HttpResponse<java.io.InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:") && line.contains("message.created")) {
              return line;
            }
          }
          return null;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      fixtures.as(token).body(Json.of("type", "text", "chatId", chat, "content", "live one"))
          .post("/api/v2/messages").then().statusCode(201);
      String frame = data.get(20, TimeUnit.SECONDS);
      assertThat(frame).contains("live one").doesNotContain("before");
    }
    client.close();
  }

  @Test
  void flaggedMessagesAreQueuedDeletedAndUsersBannedFromAConversation() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String carol = amity.newUser(network);
    String dave = amity.newUser(network);
    String carolToken = amity.session(network, carol);
    String daveToken = amity.session(network, dave);
    amity.as(carolToken).body(Json.of("channelId", "club", "type", "community", "userIds", List.of(dave)))
        .post("/api/v3/channels").then().statusCode(200);
    String message = amity.as(carolToken)
        .body(Json.of("channelId", "club", "messageId", "bad-1", "type", "text", "data", java.util.Map.of("text", "spam spam")))
        .post("/api/v3/messages").then().extract().path("messages[0].messageId");
    amity.as(daveToken).post("/api/v3/messages/{m}/flag", message).then().statusCode(200);

    String domain = network.domain();
    fixtures.admin().get("/admin/v1/domains/{d}/moderation/flagged", domain).then().statusCode(200)
        .body("total", equalTo(1)).body("items[0].flagCount", equalTo(1))
        .body("items[0].flaggedBy", equalTo(List.of(dave)))
        .body("items[0].message.content", equalTo("spam spam"));
    String messageId = fixtures.admin().get("/admin/v1/domains/{d}/moderation/flagged", domain)
        .then().extract().path("items[0].message.messageId");
    fixtures.admin().delete("/admin/v1/domains/{d}/messages/{m}", fixtures.domain(), messageId)
        .then().statusCode(404);
    fixtures.admin().delete("/admin/v1/domains/{d}/messages/{m}", domain, messageId).then()
        .statusCode(200).body("deleted", equalTo(true)).body("content", nullValue());
    fixtures.admin().get("/admin/v1/domains/{d}/moderation/flagged", domain).then().body("total", equalTo(0));

    String conversation = fixtures.admin().queryParam("member", dave)
        .get("/admin/v1/domains/{d}/conversations", domain).then().extract().path("items[0].conversationId");
    fixtures.admin().body(Json.of("userId", dave))
        .post("/admin/v1/domains/{d}/conversations/{c}/bans", domain, conversation).then()
        .statusCode(200).body("members.userId", equalTo(List.of(carol)));
    amity.as(daveToken).post("/api/v3/channels/club/join").then().statusCode(403);
    fixtures.admin().body(Json.of("userId", "ghost"))
        .post("/admin/v1/domains/{d}/conversations/{c}/bans", domain, conversation).then().statusCode(404);
    fixtures.admin().delete("/admin/v1/domains/{d}/conversations/{c}/bans/{u}", domain, conversation, dave)
        .then().statusCode(200);
    amity.as(daveToken).post("/api/v3/channels/club/join").then().statusCode(200);
    fixtures.admin().queryParam("domain", domain).queryParam("action", "conversation.")
        .get("/admin/v1/audit").then().body("items.action",
            equalTo(List.of("conversation.unban", "conversation.ban", "conversation.ban")));
  }

  @Test
  void apiKeysAreListedWithTheirLastUseAndRevoked() {
    String domain = fixtures.domain();
    String key = fixtures.admin().body(Json.of("description", "mobile app"))
        .post("/admin/v1/domains/{d}/api-keys", domain).then().extract().path("key");
    String keyId = fixtures.admin().get("/admin/v1/domains/{d}/api-keys", domain).then()
        .body("total", equalTo(1)).body("items[0].description", equalTo("mobile app"))
        .body("items[0].lastUsedAt", nullValue()).body("items[0].revokedAt", nullValue())
        .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("key")))
        .extract().path("items[0].keyId");
    new AmityFixtures(fixtures).withApiKey(new AmityFixtures.Network(domain, key))
        .body(Json.of("userId", "u1", "deviceId", "d1")).post("/api/v4/sessions").then().statusCode(200);
    fixtures.admin().queryParam("q", "MOBILE").get("/admin/v1/domains/{d}/api-keys", domain).then()
        .body("items[0].lastUsedAt", org.hamcrest.Matchers.notNullValue());
    fixtures.admin().delete("/admin/v1/domains/{d}/api-keys/{k}", domain, keyId).then().statusCode(200)
        .body("revokedAt", org.hamcrest.Matchers.notNullValue());
    new AmityFixtures(fixtures).withApiKey(new AmityFixtures.Network(domain, key))
        .body(Json.of("userId", "u1", "deviceId", "d2")).post("/api/v4/sessions").then().statusCode(401);
    fixtures.admin().delete("/admin/v1/domains/{d}/api-keys/{k}", fixtures.domain(), keyId).then()
        .statusCode(404);
  }

  @Test
  void creditsAreAdjustedThroughTheLedgerWithAReason() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    fixtures.credit(domain, alice, 50);
    fixtures.admin().body(Json.of("amount", -20, "reason", "duplicate top-up"))
        .post("/admin/v1/domains/{d}/users/{u}/credit-adjustments", domain, alice).then()
        .statusCode(200).body("balance", equalTo(30));
    fixtures.admin().body(Json.of("amount", -31, "reason", "too much"))
        .post("/admin/v1/domains/{d}/users/{u}/credit-adjustments", domain, alice).then().statusCode(409)
        .body("error", equalTo("insufficient_credits"));
    fixtures.admin().body(Json.of("amount", 5))
        .post("/admin/v1/domains/{d}/users/{u}/credit-adjustments", domain, alice).then().statusCode(400);
    fixtures.admin().queryParam("limit", 1).get("/admin/v1/domains/{d}/users/{u}/ledger", domain, alice)
        .then().statusCode(200).body("balance", equalTo(30)).body("total", equalTo(2))
        .body("items[0].kind", equalTo("adjustment")).body("items[0].amount", equalTo(-20))
        .body("items[0].reason", equalTo("duplicate top-up"))
        .body("items[0].counterparty", equalTo("system:issuance"));
  }

  @Test
  void failedSmsAreRetriedAndQueuedOnesCancelled() {
    String domain = fixtures.domain();
    String tenantId = tenants.byName(domain).id();
    Instant now = Instant.now();
    String failed = "a" + Long.toHexString(System.nanoTime()).substring(0, 8) + "000000000000000";
    String queued = "b" + failed.substring(1);
    outbox.insert(SmsOutboxEntry.queued(tenantId, failed, null, "18585550001", "18585551234", "hello", now));
    assertThat(outbox.claim(tenantId, failed, "t".repeat(24), now.plusSeconds(1), now.plusSeconds(60))).isTrue();
    assertThat(outbox.fail(tenantId, failed, "t".repeat(24), "Carrier refused: invalid destination", now)).isTrue();
    outbox.insert(SmsOutboxEntry.queued(tenantId, queued, null, "18585550001", "18585551235",
        "later", now.plusSeconds(3600)));

    fixtures.admin().queryParam("status", "failed").get("/admin/v1/domains/{d}/sms/outbox", domain)
        .then().statusCode(200).body("total", equalTo(1)).body("items[0].attempts", equalTo(1))
        .body("items[0].lastError", equalTo("Carrier refused: invalid destination"));
    fixtures.admin().post("/admin/v1/domains/{d}/sms/outbox/{e}/retry", domain, failed).then()
        .statusCode(200).body("status", equalTo("queued"));
    fixtures.admin().post("/admin/v1/domains/{d}/sms/outbox/{e}/retry", domain, failed).then()
        .statusCode(409);
    fixtures.admin().post("/admin/v1/domains/{d}/sms/outbox/{e}/cancel", domain, queued).then()
        .statusCode(200).body("status", equalTo("failed"))
        .body("lastError", equalTo("Cancelled by an operator"));
    fixtures.admin().post("/admin/v1/domains/{d}/sms/outbox/{e}/cancel", fixtures.domain(), failed)
        .then().statusCode(404);
    fixtures.admin().queryParam("status", "lost").get("/admin/v1/domains/{d}/sms/outbox", domain)
        .then().statusCode(400);
    fixtures.admin().get("/admin/v1/domains/{d}/sms/numbers", domain).then().statusCode(200)
        .body("items", hasSize(0));
    fixtures.admin().get("/admin/v1/status").then().statusCode(200)
        .body("database.status", equalTo("UP")).body("bus.kind", equalTo("in-process"))
        .body("outbox.queued", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    fixtures.admin().queryParam("domain", domain).queryParam("action", "sms.")
        .get("/admin/v1/audit").then()
        .body("items.action", equalTo(List.of("sms.cancel", "sms.retry", "sms.retry")))
        .body("items.details", equalTo(List.of("status=200", "status=409", "status=200")));
  }
}
