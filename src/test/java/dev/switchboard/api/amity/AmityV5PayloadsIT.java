package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.message.MessageReader;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The v5 envelope built from core objects (what the v5 REST answers and the MQTT events carry):
 * every field the SDK reads, internal vs public ids, side-loads, and no null anywhere.
 */
class AmityV5PayloadsIT extends ApiTestBase {
  @Autowired AmityV5Payloads payloads;
  @Autowired MessageReader reader;
  @Autowired JsonMapper json;

  @Test
  void aV3MessageReadsAsAV5MessageWithItsSideLoads() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String alice = amity.newUser(network);
    String bob = amity.newUser(network);
    Response aliceSession = amity.withApiKey(network)
        .body(Json.of("userId", alice, "deviceId", "d-2", "displayName", "Alice"))
        .post("/api/v4/sessions");
    String aliceToken = aliceSession.path("accessToken");
    String aliceInternal = aliceSession.path("users[0]._id");
    String tenant = aliceSession.<String>path("users[0].path").split("/")[0];
    String bobToken = amity.session(network, bob);
    String channel = AmityTestChannels.directChannel(fixtures, aliceToken, bob);
    Response created = amity.as(aliceToken)
        .body(Json.of("channelId", channel, "messageId", "ref-1", "data", Map.of("text", "Hi @bob"),
            "tags", List.of("t"), "mentionees", List.of(Map.of("type", "user", "userIds", List.of(bob)))))
        .post("/api/v3/messages");
    created.then().statusCode(200);
    String id = created.path("messages[0]._id");
    amity.as(bobToken).body(Json.of("referenceId", id, "referenceType", "message", "reactionName", "like"))
        .post("/api/v2/reactions").then().statusCode(200);

    Actor bobActor = new Actor(tenant, network.domain(), bob, Scope.BASIC_USER);
    AmityV5MessagesPayload payload = payloads.messages(bobActor, List.of(reader.get(bobActor, id)));
    JsonNode tree = json.valueToTree(payload);

    JsonNode m = tree.get("messages").get(0);
    assertThat(m.get("messageId").asString()).isEqualTo(id);
    assertThat(m.get("referenceId").asString()).isEqualTo("ref-1");
    assertThat(m.get("channelId").asString()).isEqualTo(channel); // a chat's key is its id
    assertThat(m.get("messageFeedId").asString()).isEqualTo(m.get("channelId").asString());
    assertThat(m.get("channelPublicId").asString()).isEqualTo(channel);
    assertThat(m.get("channelType").asString()).isEqualTo("conversation");
    assertThat(m.get("segment").asLong()).isEqualTo(2);
    assertThat(m.get("dataType").asString()).isEqualTo("text");
    assertThat(m.get("data").get("text").asString()).isEqualTo("Hi @bob");
    assertThat(m.get("creatorId").asString()).isEqualTo(aliceInternal);
    assertThat(m.get("creatorPublicId").asString()).isEqualTo(alice);
    assertThat(m.get("mentionedUsers").get(0).get("userPublicIds").get(0).asString()).isEqualTo(bob);
    assertThat(m.get("mentionedUsers").get(0).get("userIds").get(0).asString()).hasSize(24);
    assertThat(m.get("reactions").get("like").asLong()).isEqualTo(1);
    assertThat(m.get("reactionCount").asLong()).isEqualTo(1);
    assertThat(m.get("myReactions").get(0).asString()).isEqualTo("like");
    assertThat(m.get("childCount").asLong()).isZero();
    assertThat(m.get("isDeleted").asBoolean()).isFalse();
    assertThat(m.get("tags").get(0).asString()).isEqualTo("t");
    assertThat(m.get("path").asString()).endsWith("/message/" + id);
    assertThat(m.has("parentId")).isFalse();

    assertThat(tree.get("users").findValuesAsString("userId")).containsExactlyInAnyOrder(alice, bob);
    JsonNode feed = tree.get("messageFeeds").get(0);
    assertThat(feed.get("messageFeedId").asString()).isEqualTo(channel);
    assertThat(feed.get("channelPublicId").asString()).isEqualTo(channel);
    assertThat(feed.get("childCount").asLong()).isEqualTo(2);
    assertThat(feed.get("lastMessageId").asString()).isEqualTo(id);
    assertThat(tree.get("files").isArray()).isTrue();
    assertThat(tree.has("reactions")).isFalse();
    assertThat(nulls(tree.get("messages"))).as("message fields are never null").isEmpty();
    assertThat(nulls(tree.get("messageFeeds"))).as("feed fields are never null").isEmpty();
    assertThat(tree.get("users").get(0).get("hashFlag").get("bits").asInt()).isPositive();
  }

  static List<String> nulls(JsonNode node) {
    List<String> found = new java.util.ArrayList<>();
    collectNulls(node, "$", found);
    return found;
  }

  private static void collectNulls(JsonNode node, String at, List<String> found) {
    if (node.isNull()) {
      found.add(at);
    } else if (node.isObject()) {
      node.properties().forEach(e -> collectNulls(e.getValue(), at + "." + e.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNulls(node.get(i), at + "[" + i + "]", found);
      }
    }
  }
}
