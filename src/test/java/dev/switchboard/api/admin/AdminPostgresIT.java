package dev.switchboard.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.sms.SmsOutboxEntries;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresApiTestBase;
import dev.switchboard.tenant.TenantService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin API's own SQL on real PostgreSQL: searches, erasure, queues, audit, outbox. */
class AdminPostgresIT extends PostgresApiTestBase {
  @Autowired SmsOutboxEntries outbox;
  @Autowired TenantService tenants;

  @Test
  void theOperatorsQueriesAndErasureWorkOnPostgres() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String domain = network.domain();
    fixtures.admin().queryParam("q", domain).get("/admin/v1/domains").then().statusCode(200)
        .body("total", equalTo(1));
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    fixtures.credit(domain, alice, 10);
    fixtures.admin().queryParam("q", alice.substring(0, 6).toUpperCase()).queryParam("disabled", false)
        .get("/admin/v1/domains/{d}/users", domain).then().statusCode(200).body("items.userId", hasItem(alice));
    fixtures.admin().queryParam("q", "amity").get("/admin/v1/domains/{d}/api-keys", domain).then()
        .statusCode(200).body("total", equalTo(1));

    String token = fixtures.token(domain, alice);
    String chat = fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "private words"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    fixtures.admin().queryParam("member", bob).queryParam("kind", "direct").queryParam("q", chat.substring(0, 10))
        .get("/admin/v1/domains/{d}/conversations", domain).then().statusCode(200).body("total", equalTo(1));
    fixtures.admin().get("/admin/v1/domains/{d}/conversations/{c}/messages", domain, chat).then()
        .statusCode(200).body("items[0].content", equalTo("private words"));

    String carol = amity.newUser(network);
    String dave = amity.newUser(network);
    String carolToken = amity.session(network, carol);
    amity.as(carolToken).body(Json.of("channelId", "pg-club", "type", "community", "userIds", List.of(dave)))
        .post("/api/v3/channels").then().statusCode(200);
    String message = amity.as(carolToken)
        .body(Json.of("channelId", "pg-club", "type", "text", "data", java.util.Map.of("text", "flag me")))
        .post("/api/v3/messages").then().extract().path("messages[0].messageId");
    amity.as(amity.session(network, dave)).post("/api/v3/messages/{m}/flag", message).then().statusCode(200);
    fixtures.admin().get("/admin/v1/domains/{d}/moderation/flagged", domain).then().statusCode(200)
        .body("total", equalTo(1)).body("items[0].flagCount", equalTo(1));

    fixtures.admin().post("/admin/v1/domains/{d}/users/{u}/disable", domain, alice).then().statusCode(200);
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    fixtures.admin().delete("/admin/v1/domains/{d}/users/{u}", domain, alice).then().statusCode(200)
        .body("creditsReturned", equalTo(10));
    String changes = fixtures.as(fixtures.token(domain, bob)).queryParam("conversationId", chat)
        .get("/realtime/v1/changes").then().statusCode(200).extract().asString();
    assertThat(changes).doesNotContain("private words");
    fixtures.admin().get("/admin/v1/domains/{d}/users/{u}/ledger", domain, alice).then().statusCode(200)
        .body("items.kind", equalTo(List.of("adjustment", "top_up")));

    String tenantId = tenants.byName(domain).id();
    String id = Long.toHexString(System.nanoTime()) + "000000000000000000000000";
    id = id.substring(0, 24);
    Instant now = Instant.now();
    outbox.insert(SmsOutboxEntry.queued(tenantId, id, null, "18585550001", "18585551234", "hi", now));
    assertThat(outbox.claim(tenantId, id, "p".repeat(24), now.plusSeconds(1), now.plusSeconds(60))).isTrue();
    assertThat(outbox.fail(tenantId, id, "p".repeat(24), "refused", now)).isTrue();
    fixtures.admin().queryParam("status", "failed").get("/admin/v1/domains/{d}/sms/outbox", domain).then()
        .statusCode(200).body("total", equalTo(1));
    fixtures.admin().post("/admin/v1/domains/{d}/sms/outbox/{e}/retry", domain, id).then().statusCode(200);
    fixtures.admin().get("/admin/v1/status").then().statusCode(200).body("database.status", equalTo("UP"));
    fixtures.admin().queryParam("domain", domain).queryParam("action", "user.").queryParam("q", alice)
        .get("/admin/v1/audit").then().statusCode(200)
        .body("items.action", equalTo(List.of("user.delete", "user.disable")));
  }
}
