package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity webhooks configured through the admin API: Amity's event names and its {@code {event,
 * data:{messages, users, files}}} body with the same message object its REST API returns.
 */
class AmityWebhooksIT extends ApiTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void messageEventsArePostedInAmitysShape() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      AmityFixtures amity = new AmityFixtures(fixtures);
      Network network = amity.network();
      String alice = amity.newUser(network);
      String bob = amity.newUser(network);
      String aliceToken = amity.session(network, alice);
      String bobToken = amity.session(network, bob);
      fixtures.admin().body(Json.of("face", "amity", "url", receiver.url()))
          .post("/admin/v1/domains/{d}/webhooks", network.domain()).then().statusCode(201);
      fixtures.admin().body(Json.of("face", "amity", "url", receiver.url() + "?x",
              "events", List.of("message.created")))
          .post("/admin/v1/domains/{d}/webhooks", network.domain()).then().statusCode(400);

      String channel = AmityTestChannels.directChannel(fixtures, aliceToken, bob);
      JsonNode rest = JSON.readTree(amity.as(aliceToken)
          .body(Json.of("channelId", channel, "data", Map.of("text", "hook me")))
          .post("/api/v3/messages").then().statusCode(200).extract().asString());
      String messageId = rest.get("messages").get(0).get("messageId").asString();
      amity.as(aliceToken).body(Json.of("data", Map.of("text", "hooked")))
          .put("/api/v3/messages/{id}", messageId).then().statusCode(200);
      amity.as(bobToken).post("/api/v3/messages/{id}/flag", messageId).then().statusCode(200);
      amity.as(bobToken).delete("/api/v3/messages/{id}/unflag", messageId).then().statusCode(200);
      amity.as(bobToken)
          .body(Json.of("referenceId", messageId, "referenceType", "message", "reactionName", "like"))
          .post("/api/v2/reactions").then().statusCode(200);
      amity.as(aliceToken).delete("/api/v3/messages/{id}", messageId).then().statusCode(200);

      await().atMost(Duration.ofSeconds(20)).until(() -> events(receiver).contains("message.didDelete"));
      List<String> events = events(receiver);
      assertThat(events).containsSubsequence("message.didCreate", "message.didUpdate",
          "message.didFlag", "message.didUnflag", "message.didAddReaction", "message.didDelete");
      assertThat(events).contains("channel.didJoin");

      JsonNode created = receiver.accepted().stream().map(p -> JSON.readTree(p.body()))
          .filter(b -> b.get("event").asString().equals("message.didCreate"))
          .filter(b -> b.get("data").get("messages").get(0).get("messageId").asString()
              .equals(messageId))
          .findFirst().orElseThrow();
      JsonNode message = created.get("data").get("messages").get(0);
      assertThat(message.get("messageId").asString()).isEqualTo(messageId);
      assertThat(message.get("channelId").asString()).isEqualTo(channel);
      assertThat(message.get("data").get("text").asString()).isEqualTo("hook me");
      // The message object has exactly the keys the REST API gives it.
      assertThat(fieldNames(message)).isEqualTo(fieldNames(rest.get("messages").get(0)));
      assertThat(created.get("data").get("users").get(0).get("userId").asString()).isEqualTo(alice);
      assertThat(created.get("data").get("files").isArray()).isTrue();
      JsonNode reaction = body(receiver, "message.didAddReaction");
      assertThat(reaction.get("data").get("reactor").get("reactionName").asString()).isEqualTo("like");
      assertThat(reaction.get("data").get("reactor").get("userId").asString()).isEqualTo(bob);
      assertThat(body(receiver, "message.didFlag").get("data").get("messages").get(0)
          .get("flagCount").asInt()).isEqualTo(1);
      assertThat(body(receiver, "channel.didJoin").get("data").get("channels").get(0)
          .get("channelId").asString()).isEqualTo(channel);
    }
  }

  private static List<String> events(WebhookReceiver receiver) {
    return receiver.accepted().stream().map(p -> JSON.readTree(p.body()).get("event").asString())
        .toList();
  }

  private static JsonNode body(WebhookReceiver receiver, String event) {
    return receiver.accepted().stream().map(p -> JSON.readTree(p.body()))
        .filter(b -> b.get("event").asString().equals(event)).findFirst().orElseThrow();
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.propertyNames().stream().sorted().toList();
  }
}
