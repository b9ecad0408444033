package dev.switchboard.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket protocol: authentication, delivery to members only, resume, typing. */
class RealtimeGatewayIT extends ApiTestBase {
  private String domain;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void users() {
    domain = fixtures.domain();
    alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    aliceToken = fixtures.token(domain, alice);
    bobToken = fixtures.token(domain, bob);
  }

  private String post(String token, String target, String content) {
    return fixtures.as(token).body(Json.of("type", "text", "targetUserId", target, "content", content))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
  }

  @Test
  void authenticatesByHeaderOrByFirstFrame() {
    try (WsClient byHeader = WsClient.connect(port, aliceToken)) {
      JsonNode ready = byHeader.next();
      assertThat(ready.get("type").asString()).isEqualTo("ready");
      assertThat(ready.get("userId").asString()).isEqualTo(alice);
    }
    try (WsClient byFrame = WsClient.connect(port, null)) {
      byFrame.send(Json.of("type", "ping"));
      assertThat(byFrame.next().get("code").asString()).isEqualTo("unauthenticated");
      byFrame.send(Json.of("type", "auth", "token", bobToken));
      assertThat(byFrame.next().get("userId").asString()).isEqualTo(bob);
      byFrame.send(Json.of("type", "ping"));
      assertThat(byFrame.next().get("type").asString()).isEqualTo("pong");
    }
  }

  @Test
  void badTokensAndSilenceAreClosedWithClearCodes() {
    try (WsClient badHeader = WsClient.connect(port, aliceToken + "x")) {
      assertThat(badHeader.closeCode()).isEqualTo(4001);
    }
    try (WsClient badFrame = WsClient.connect(port, null)) {
      badFrame.send(Json.of("type", "auth", "token", "not-a-token"));
      assertThat(badFrame.closeCode()).isEqualTo(4001);
    }
    try (WsClient silent = WsClient.connect(port, null)) {
      assertThat(silent.closeCode()).isEqualTo(4002);
    }
  }

  @Test
  void membersReceiveChangesOfTheirConversationsOnlyIncludingNewOnes() {
    String carol = fixtures.user(domain);
    try (WsClient aliceWs = WsClient.ready(port, aliceToken);
        WsClient bobWs = WsClient.ready(port, bobToken);
        WsClient carolWs = WsClient.ready(port, fixtures.token(domain, carol))) {
      // Bob's chat with Alice is created after he connected: he still hears of it.
      String chat = post(aliceToken, bob, "hi bob");
      List<JsonNode> bobSees = bobWs.changes(3);
      assertThat(bobSees).extracting(f -> f.get("conversationId").asString()).containsOnly(chat);
      assertThat(bobSees).extracting(f -> f.get("changeSeq").asLong()).containsExactly(1L, 2L, 3L);
      assertThat(bobSees).extracting(f -> f.get("event").asString())
          .containsExactly("member.joined", "member.joined", "message.created");
      JsonNode message = bobSees.get(2).get("data").get("message");
      assertThat(message.get("content").asString()).isEqualTo("hi bob");
      assertThat(message.get("senderId").asString()).isEqualTo(alice);
      assertThat(aliceWs.changes(3).get(2).get("data").get("message").get("id").asString())
          .isEqualTo(message.get("id").asString());

      // Carol is in neither: the first change she sees is of her own new chat, proving the
      // earlier one (dispatched before it) never reached her.
      String carolChat = post(aliceToken, carol, "hi carol");
      JsonNode first = carolWs.next("change");
      assertThat(first.get("conversationId").asString()).isEqualTo(carolChat);
      assertThat(first.get("changeSeq").asLong()).isEqualTo(1);
    }
  }

  @Test
  void resumeReplaysTheGapThenContinuesLiveWithoutHolesOrDuplicates() {
    String chat = post(aliceToken, bob, "m1");
    for (int i = 2; i <= 6; i++) {
      post(aliceToken, bob, "m" + i);
    }
    // Changes so far: 2 joins + 6 messages = 8. Bob saw up to 4 before he went offline.
    try (WsClient bobWs = WsClient.ready(port, bobToken)) {
      bobWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":4}}");
      List<JsonNode> replay = bobWs.changes(4);
      assertThat(replay).extracting(f -> f.get("changeSeq").asLong()).containsExactly(5L, 6L, 7L, 8L);
      assertThat(replay.getLast().get("data").get("message").get("content").asString()).isEqualTo("m6");
      JsonNode resumed = bobWs.next("resumed");
      assertThat(resumed.get("conversations").get(chat).asLong()).isEqualTo(8);

      post(aliceToken, bob, "live");
      JsonNode live = bobWs.next("change");
      assertThat(live.get("changeSeq").asLong()).isEqualTo(9);
      assertThat(live.get("data").get("message").get("content").asString()).isEqualTo("live");
      // Resuming from where he is replays nothing.
      bobWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":9}}");
      assertThat(bobWs.next().get("type").asString()).isEqualTo("resumed");
    }
  }

  @Test
  void framesLargerThanTheContainerBufferArriveWholeUpTo64KB() {
    String chat = post(aliceToken, bob, "m1");
    // Well over the 8 KB per-connection text buffer: delivered in parts, assembled by the gateway.
    String padding = " ".repeat(40_000);
    try (WsClient bobWs = WsClient.ready(port, bobToken)) {
      bobWs.send("{\"type\":\"resume\"," + padding + "\"conversations\":{\"" + chat + "\":0}}");
      assertThat(bobWs.changes(3)).extracting(f -> f.get("changeSeq").asLong()).containsExactly(1L, 2L, 3L);
      assertThat(bobWs.next("resumed").get("conversations").get(chat).asLong()).isEqualTo(3);
      bobWs.send("{\"type\":\"ping\"," + " ".repeat(70_000) + "}");
      assertThat(bobWs.closeCode()).isEqualTo(1009);
    }
  }

  @Test
  void resumeIsAuthorizedPerConversation() {
    String chat = post(aliceToken, bob, "private");
    String outsider = fixtures.token(domain, fixtures.user(domain));
    String otherDomain = fixtures.domain();
    String stranger = fixtures.token(otherDomain, fixtures.user(otherDomain));
    try (WsClient carolWs = WsClient.ready(port, outsider);
        WsClient strangerWs = WsClient.ready(port, stranger)) {
      carolWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      JsonNode refused = carolWs.next();
      assertThat(refused.get("type").asString()).isEqualTo("error");
      assertThat(refused.get("code").asString()).isEqualTo("forbidden");
      assertThat(carolWs.next("resumed").get("conversations").size()).isZero();

      strangerWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      assertThat(strangerWs.next().get("code").asString()).isEqualTo("not_found");

      carolWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":-1}}");
      assertThat(carolWs.next("error").get("code").asString()).isEqualTo("bad_frame");
      carolWs.send("{\"type\":\"dance\"}");
      assertThat(carolWs.next("error").get("message").asString()).contains("unknown frame type");
    }
  }

  @Test
  void typingReachesTheOtherMembersAndIsNeverLogged() {
    String chat = post(aliceToken, bob, "hello");
    try (WsClient aliceWs = WsClient.ready(port, aliceToken);
        WsClient bobWs = WsClient.ready(port, bobToken)) {
      aliceWs.send(Json.of("type", "typing", "conversationId", chat));
      JsonNode typing = bobWs.next("typing");
      assertThat(typing.get("conversationId").asString()).isEqualTo(chat);
      assertThat(typing.get("userId").asString()).isEqualTo(alice);

      String carolToken = fixtures.token(domain, fixtures.user(domain));
      try (WsClient carolWs = WsClient.ready(port, carolToken)) {
        carolWs.send(Json.of("type", "typing", "conversationId", chat));
        assertThat(carolWs.next("error").get("code").asString()).isEqualTo("forbidden");
      }
    }
    List<String> events = fixtures.as(aliceToken).queryParam("conversationId", chat)
        .get("/realtime/v1/changes").then().statusCode(200).extract().jsonPath().getList("changes.event");
    assertThat(events).containsExactly("member.joined", "member.joined", "message.created");
  }

  @Test
  void readCursorMovesAreChanges() {
    String chat = post(aliceToken, bob, "read me");
    try (WsClient aliceWs = WsClient.ready(port, aliceToken)) {
      fixtures.as(bobToken).post("/api/v1/messages/chat/{id}/read", chat).then().statusCode(200);
      JsonNode read = aliceWs.next("change");
      assertThat(read.get("event").asString()).isEqualTo("read.updated");
      assertThat(read.get("changeSeq").asLong()).isEqualTo(4);
      assertThat(read.get("data").get("userId").asString()).isEqualTo(bob);
      assertThat(read.get("data").get("lastReadSeq").asLong()).isEqualTo(1);
    }
    // Reading again without anything new is no change.
    fixtures.as(bobToken).post("/api/v1/messages/chat/{id}/read", chat).then().statusCode(200);
    Map<String, Object> page = fixtures.as(bobToken).queryParam("conversationId", chat)
        .get("/realtime/v1/changes").then().extract().jsonPath().getMap("$");
    assertThat((List<?>) page.get("changes")).hasSize(4);
  }
}
