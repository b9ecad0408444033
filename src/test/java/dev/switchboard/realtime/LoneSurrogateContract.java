package dev.switchboard.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: a message holding a lone surrogate was accepted, then closed every member's
 * WebSocket with 1011 and (on H2) made {@code GET /realtime/v1/changes} answer 500 for good.
 * Such text is now refused at the edge in every form it can arrive in, so the change log never
 * holds what it cannot serve: the conversation's realtime stays intact. Run on H2 and PostgreSQL.
 */
interface LoneSurrogateContract {
  Fixtures fixtures();

  int port();

  @Test
  default void aLoneSurrogateMessageIsRefusedAndTheConversationsRealtimeStaysIntact() {
    Fixtures fixtures = fixtures();
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String bobToken = fixtures.token(domain, bob);
    String chat =
        fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "m1"))
            .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    long seen = lastChange(fixtures, bobToken, chat);

    try (WsClient bobLive = WsClient.ready(port(), bobToken)) {
      bobLive.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":" + seen + "}}");
      for (String bad : List.of("a\\ud800b", "\\udc00", "x\\u0000y", "\\ud83d")) {
        fixtures.as(aliceToken).contentType(ContentType.JSON)
            .body("{\"type\":\"text\",\"chatId\":\"" + chat + "\",\"content\":\"" + bad + "\"}")
            .post("/api/v2/messages").then().statusCode(400).body("isSuccess", equalTo(false));
      }
      // The same text as a multipart field (the media send) is refused alike.
      fixtures.as(aliceToken).contentType(ContentType.MULTIPART)
          .multiPart("type", "text").multiPart("chatId", chat).multiPart("content", "x\u0000y")
          .post("/api/v2/messages").then().statusCode(400);
      // A surrogate pair is a character like any other.
      fixtures.as(aliceToken).body(Json.of("type", "text", "chatId", chat, "content", "m2 😀"))
          .post("/api/v2/messages").then().statusCode(201);

      JsonNode live = bobLive.next("change");
      assertThat(live.get("data").get("message").get("content").asString()).isEqualTo("m2 😀");
      assertThat(bobLive.isClosed()).isFalse();
    }
    Response changes =
        fixtures.as(bobToken).queryParam("conversationId", chat).queryParam("after", 0)
            .get("/realtime/v1/changes");
    changes.then().statusCode(200);
    List<String> contents = changes.jsonPath().getList("changes.data.message.content");
    assertThat(contents.stream().filter(c -> c != null)).containsExactly("m1", "m2 😀");
  }

  private static long lastChange(Fixtures fixtures, String token, String chat) {
    return fixtures.as(token).queryParam("conversationId", chat).queryParam("after", 0)
        .get("/realtime/v1/changes").then().statusCode(200).extract().jsonPath().getLong("next");
  }
}
