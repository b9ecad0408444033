package dev.switchboard.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.feed.ChangeLog;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Catch-up over HTTP: paging by position, members only, and retention answered with resync. */
class ChangesApiIT extends ApiTestBase {
  @Autowired ChangeLog changeLog;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void pagesThroughTheLogInOrderForMembersOnly() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    String chat = null;
    for (int i = 1; i <= 5; i++) {
      chat = fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "m" + i))
          .post("/api/v2/messages").path("data.chatId");
    }
    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 2).queryParam("limit", 3)
        .get("/realtime/v1/changes").then().statusCode(200)
        .body("conversationId", equalTo(chat))
        .body("changes.changeSeq", contains(3, 4, 5))
        .body("changes.event", contains("message.created", "message.created", "message.created"))
        .body("changes[0].data.message.content", equalTo("m1"))
        .body("changes[0].at", org.hamcrest.Matchers.matchesPattern("\\d{4}-.*\\.\\d{3}Z"))
        .body("hasMore", equalTo(true)).body("next", equalTo(5));
    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 5)
        .get("/realtime/v1/changes").then().statusCode(200)
        .body("changes", hasSize(2)).body("hasMore", equalTo(false)).body("next", equalTo(7));
    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 7)
        .get("/realtime/v1/changes").then().statusCode(200)
        .body("changes", hasSize(0)).body("next", equalTo(7));

    String carol = fixtures.token(domain, fixtures.user(domain));
    fixtures.as(carol).queryParam("conversationId", chat).get("/realtime/v1/changes").then().statusCode(403);
    fixtures.as(token).queryParam("conversationId", "64d15f9e2e6c8f4d5a123456")
        .get("/realtime/v1/changes").then().statusCode(404).body("error", equalTo("not_found"));
    given().queryParam("conversationId", chat).get("/realtime/v1/changes").then().statusCode(401);
    for (String limit : new String[] {"0", "1001", "x"}) {
      fixtures.as(token).queryParam("conversationId", chat).queryParam("limit", limit)
          .get("/realtime/v1/changes").then().statusCode(400).body("error", equalTo("invalid_argument"));
    }
    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", -1)
        .get("/realtime/v1/changes").then().statusCode(400);
    fixtures.as(token).get("/realtime/v1/changes").then().statusCode(400);
  }

  @Test
  void aCompactedRangeIsAnsweredWithResyncNeverSkipped() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String token = fixtures.token(domain, alice);
    String chat = fixtures.as(token).body(Json.of("type", "text", "targetUserId", bob, "content", "old"))
        .post("/api/v2/messages").path("data.chatId");

    Instant cutoff = Instant.now().plusSeconds(1);
    new TransactionTemplate(transactions).executeWithoutResult(s -> changeLog.compactOlderThan(cutoff));
    fixtures.as(token).body(Json.of("type", "text", "chatId", chat, "content", "new"))
        .post("/api/v2/messages").then().statusCode(201);

    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 1)
        .get("/realtime/v1/changes").then().statusCode(410)
        .body("error", equalTo("resync_required"))
        .body("message", org.hamcrest.Matchers.containsString("resume from 3"));
    fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 3)
        .get("/realtime/v1/changes").then().statusCode(200)
        .body("changes.changeSeq", contains(4)).body("changes[0].data.message.content", equalTo("new"));

    // A WebSocket resume from before the cut is told to resync, then still gets live changes.
    try (WsClient ws = WsClient.ready(port, token)) {
      ws.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      var resync = ws.next();
      assertThat(resync.get("type").asString()).isEqualTo("resync");
      assertThat(resync.get("conversationId").asString()).isEqualTo(chat);
      assertThat(ws.next("resumed").get("conversations").size()).isZero();
    }
  }
}
