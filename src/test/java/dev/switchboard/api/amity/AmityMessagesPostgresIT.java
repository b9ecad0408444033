package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresApiTestBase;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Amity message paths on real PostgreSQL (row locks, NOT EXISTS inserts, tag filters). */
class AmityMessagesPostgresIT extends PostgresApiTestBase {
  @Test
  void messagePathsWorkOnPostgres() throws Exception {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String alice = amity.newUser(network);
    String bob = amity.newUser(network);
    String aliceToken = amity.session(network, alice);
    String bobToken = amity.session(network, bob);
    String channel = AmityTestChannels.directChannel(fixtures, aliceToken, bob);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Response>> retries = IntStream.range(0, 4).<Callable<Response>>mapToObj(i -> () ->
          amity.as(aliceToken).body(Json.of("channelId", channel, "messageId", "pg-1",
              "data", Map.of("text", "root"), "tags", List.of("a", "b"))).post("/api/v3/messages")).toList();
      List<Object> ids = pool.invokeAll(retries).stream().map(f -> {
        try {
          return (Object) f.get().path("messages[0]._id");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).distinct().toList();
      assertThat(ids).hasSize(1).doesNotContainNull();
    } finally {
      pool.shutdownNow();
    }

    amity.as(bobToken).body(Json.of("channelId", channel, "parentId", "pg-1", "data", Map.of("text", "reply")))
        .post("/api/v3/messages").then().statusCode(200);
    String big = "z".repeat(100 * 1024 - "{\"b\":\"\"}".length()); // data of exactly 100 KB
    amity.as(bobToken).body(Json.of("channelId", channel, "type", "custom", "data", Map.of("b", big)))
        .post("/api/v3/messages").then().statusCode(200);
    amity.as(bobToken).body(Json.of("channelId", channel, "type", "custom", "data", Map.of("b", big + "z")))
        .post("/api/v3/messages").then().statusCode(400).body("code", equalTo(400000));

    for (String token : List.of(aliceToken, bobToken, bobToken)) {
      amity.as(token).body(Json.of("referenceId", "pg-1", "referenceType", "message", "reactionName", "like"))
          .post("/api/v2/reactions").then().statusCode(200);
      amity.as(token).post("/api/v3/messages/{id}/flag", "pg-1").then().statusCode(200);
    }
    amity.as(bobToken).get("/api/v3/messages/{id}", "pg-1").then().statusCode(200)
        .body("messages[0].childrenNumber", equalTo(1))
        .body("messages[0].reactions.like", equalTo(2))
        .body("messages[0].flagCount", equalTo(2))
        .body("messages[0].tags", contains("a", "b"));

    amity.as(aliceToken).body(Json.of("data", Map.of("text", "edited"))).put("/api/v3/messages/{id}", "pg-1")
        .then().statusCode(200).body("messages[0].data.text", equalTo("edited"));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("tags[]", "a", "b")
        .queryParam("hasFlag", true).get("/api/v3/messages").then().statusCode(200)
        .body("messages.messageId", contains("pg-1"));
    amity.as(aliceToken).delete("/api/v3/messages/{id}", "pg-1").then().statusCode(200);
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("isDeleted", true)
        .queryParam("options[last]", 1).get("/api/v3/messages").then()
        .body("messages", hasSize(1)).body("messages[0].isDeleted", equalTo(true))
        .body("paging.prev", equalTo(null));
  }
}
