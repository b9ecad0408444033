package dev.switchboard.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas (docs/realtime/schemas) are the contract: every kind of frame and
 * every event the server emits is validated against them, so the docs cannot drift.
 */
class RealtimeSchemaIT extends ApiTestBase {
  private static final Path SCHEMAS = Path.of("docs/realtime/schemas");
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private List<Error> validate(String schemaFile, String json) throws IOException {
    Schema schema = registry.getSchema(Files.readString(SCHEMAS.resolve(schemaFile)), InputFormat.JSON);
    return schema.validate(json, InputFormat.JSON);
  }

  private void assertValid(JsonNode frame) throws IOException {
    String type = frame.get("type").asString();
    assertThat(validate(type + ".schema.json", frame.toString())).as(frame.toString()).isEmpty();
    if (type.equals("change")) {
      String event = frame.get("event").asString();
      assertThat(validate("events/" + event + ".schema.json", frame.get("data").toString()))
          .as(frame.toString()).isEmpty();
    }
  }

  /** A change of the catch-up API as the frame the gateway would send. */
  private static JsonNode asFrame(String conversationId, JsonNode change) {
    return Json.parse(change.toString().replaceFirst("\\{",
        "{\"type\":\"change\",\"conversationId\":\"" + conversationId + "\","));
  }

  @Test
  void everyEmittedFrameAndEventMatchesItsSchema() throws IOException {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String bobToken = fixtures.token(domain, bob);
    fixtures.credit(domain, alice, 50);
    List<JsonNode> frames = new ArrayList<>();
    try (WsClient bobWs = WsClient.connect(port, bobToken)) {
      frames.add(bobWs.next()); // ready
      String chat = fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
          .post("/api/v2/messages").path("data.chatId");
      fixtures.as(aliceToken).body(Json.of("recipientId", bob, "amount", 5))
          .post("/api/v1/messages/credit-transfer").then().statusCode(201);
      fixtures.as(aliceToken).post("/api/v1/messages/chat/{id}/read", chat).then().statusCode(200);
      frames.addAll(bobWs.changes(5)); // 2 joins, text, credit transfer, read
      try (WsClient aliceWs = WsClient.ready(port, aliceToken)) {
        aliceWs.send(Json.of("type", "typing", "conversationId", chat));
        frames.add(bobWs.next("typing"));
      }
      bobWs.send(Json.of("type", "ping"));
      frames.add(bobWs.next("pong"));
      bobWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":4}}");
      frames.add(bobWs.next("change"));
      frames.add(bobWs.next("resumed"));
      bobWs.send("{\"type\":\"resume\",\"conversations\":{\"64d15f9e2e6c8f4d5a123456\":0}}");
      frames.add(bobWs.next("error"));
      bobWs.send("{\"type\":\"nonsense\"}");
      frames.add(bobWs.next("error"));

      for (JsonNode frame : frames) {
        assertValid(frame);
      }
      Set<String> covered = new HashSet<>();
      frames.forEach(f -> covered.add(f.get("type").asString()
          + (f.has("event") ? ":" + f.get("event").asString() : "")));
      assertThat(covered).contains("ready", "change:member.joined", "change:message.created",
          "change:read.updated", "typing", "pong", "resumed", "error");
      assertThat(frames).anyMatch(f -> f.has("data") && f.get("data").has("message")
          && f.get("data").get("message").get("type").asString().equals("credit_transfer"));

      // The catch-up API returns the same change objects (without the frame's type).
      String page = fixtures.as(bobToken).queryParam("conversationId", chat).get("/realtime/v1/changes").asString();
      for (JsonNode change : Json.parse(page).get("changes")) {
        assertValid(asFrame(chat, change));
      }
    }
  }

  @Test
  void messageEditsDeletesAndReactionsMatchTheirSchemas() throws IOException {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String chat = fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
        .post("/api/v2/messages").path("data.chatId");
    // Everything a message may carry, so the whole message.created schema is exercised.
    String id = fixtures.as(aliceToken).body(Json.of("channelId", chat,
        "data", Map.of("text", "x", "poll", List.of("yes", "no")), "tags", List.of("t"),
        "metadata", Map.of("color", "red"), "messageId", "LOCAL_x",
        "mentionees", List.of(Map.of("type", "user", "userIds", List.of(bob)), Map.of("type", "channel"))))
        .post("/api/v3/messages").path("messages[0]._id");
    fixtures.as(aliceToken).body(Json.of("referenceId", id, "referenceType", "message", "reactionName", "like"))
        .post("/api/v2/reactions").then().statusCode(200);
    fixtures.as(aliceToken).queryParam("referenceId", id).queryParam("referenceType", "message")
        .queryParam("reactionName", "like").delete("/api/v2/reactions").then().statusCode(200);
    fixtures.as(aliceToken).post("/api/v3/messages/{id}/flag", id).then().statusCode(200);
    fixtures.as(aliceToken).body(Json.of("data", Map.of("text", "y"))).put("/api/v3/messages/{id}", id)
        .then().statusCode(200);
    fixtures.as(aliceToken).delete("/api/v3/messages/{id}", id).then().statusCode(200);

    String page = fixtures.as(aliceToken).queryParam("conversationId", chat).get("/realtime/v1/changes").asString();
    Set<String> events = new HashSet<>();
    List<String> updates = new java.util.ArrayList<>();
    for (JsonNode change : Json.parse(page).get("changes")) {
      events.add(change.get("event").asString());
      assertValid(asFrame(chat, change));
      if (change.get("data").at("/message/id").asString("").equals(id)
          && change.get("event").asString().equals("message.created")) {
        JsonNode created = change.get("data").get("message");
        assertThat(created.at("/data/poll/1").asString()).isEqualTo("no");
        assertThat(created.at("/metadata/color").asString()).isEqualTo("red");
        assertThat(created.at("/mentions/0/userIds/0").asString()).isEqualTo(bob);
        assertThat(created.at("/mentions/1/type").asString()).isEqualTo("channel");
        assertThat(created.get("clientKey").asString()).isEqualTo("LOCAL_x");
      }
      if (change.get("event").asString().equals("message.updated")) {
        updates.add(change.get("data").get("cause").asString() + " by " + change.get("data").get("by").asString());
      }
    }
    assertThat(events).contains("message.created", "message.updated", "message.deleted",
        "reaction.added", "reaction.removed");
    // Faces with an event per cause (Amity's message.flagged, webhooks' didFlag) read it from here.
    assertThat(updates).containsExactly("flagged by " + alice, "edited by " + alice);
  }

  @Test
  void memberLeftMatchesItsSchemaForEveryCause() throws IOException {
    AmityFixtures amity = new AmityFixtures(fixtures);
    AmityFixtures.Network network = amity.network();
    String mod = amity.session(network, "mod");
    for (String u : List.of("a", "b", "c")) {
      amity.session(network, u);
    }
    String id = amity.as(mod).body(Json.of("channelId", "room", "userIds", List.of("a", "b", "c")))
        .post("/api/v3/channels").path("channels[0]._id");
    amity.as(amity.session(network, "a")).delete("/api/v3/channels/room/leave").then().statusCode(200);
    amity.as(mod).queryParam("userIds", "b").delete("/api/v3/channels/room/users").then().statusCode(200);
    amity.as(mod).body(Json.of("userIds", List.of("c"))).put("/api/v3/channels/room/users/ban").then().statusCode(200);

    String page = fixtures.as(mod).queryParam("conversationId", id).get("/realtime/v1/changes").asString();
    Set<String> causes = new HashSet<>();
    for (JsonNode change : Json.parse(page).get("changes")) {
      if (change.get("event").asString().equals("member.left")) {
        assertThat(validate("events/member.left.schema.json", change.get("data").toString())).isEmpty();
        causes.add(change.get("data").get("cause").asString());
      }
    }
    assertThat(causes).containsExactlyInAnyOrder("left", "removed", "banned");
  }

  @Test
  void theSchemasRejectWhatTheyShould() throws IOException {
    assertThat(validate("change.schema.json",
        "{\"type\":\"change\",\"conversationId\":\"x\",\"changeSeq\":0,\"event\":\"e\",\"at\":\"now\",\"data\":{}}"))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(validate("events/read.updated.schema.json", "{\"userId\":\"a\"}")).isNotEmpty();
  }
}
