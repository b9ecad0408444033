package dev.switchboard.api.amity.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity's MQTT gateway driven by Eclipse Paho over WebSocket: CONNECT refusals with the right
 * return codes, SUBSCRIBE granting only the user's own topics and his channels', every message
 * event in the channel's order, keep-alive, and a persistent session resumed after a reconnect.
 */
class AmityMqttIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private Session alice;
  private Session bob;
  private String channel;

  /** What a v4 session gives the SDK: the token and the user's internal id and path. */
  record Session(String userId, String token, String internalId, String path) {
    String network() {
      return path.substring(0, path.indexOf("/user/"));
    }

    String messagesTopic() {
      return network() + "/smartfeed/" + internalId + "/messages";
    }
  }

  private Session session(String userId) {
    JsonPath body = amity.withApiKey(network)
        .body(Json.of("userId", userId, "deviceId", "paho", "displayName", "User " + userId))
        .post("/api/v4/sessions").then().statusCode(200).extract().jsonPath();
    return new Session(userId, body.getString("accessToken"), body.getString("users[0]._id"),
        body.getString("users[0].path"));
  }

  @BeforeEach
  void chat() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    alice = session(amity.newUser(network));
    bob = session(amity.newUser(network));
    channel = fixtures.as(alice.token())
        .body(Json.of("type", "text", "targetUserId", bob.userId(), "content", "hi"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
  }

  private String send(Session from, String text) {
    return amity.as(from.token()).body(Json.of("channelId", channel, "data", Map.of("text", text)))
        .post("/api/v3/messages").then().statusCode(200).extract().path("messages[0].messageId");
  }

  private PahoClient connect(Session who, String clientId, boolean clean) throws MqttException {
    return PahoClient.connect(port, clientId, who.internalId(), who.token(), clean);
  }

  @Test
  void connectIsRefusedWithTheReturnCodeOfWhatIsWrong() {
    assertThatThrownBy(() -> connect(new Session(bob.userId(), bob.token() + "x", bob.internalId(),
        bob.path()), "bad-token", true))
        .isInstanceOfSatisfying(MqttException.class, e ->
            assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    // A valid token presented as someone else.
    assertThatThrownBy(() -> PahoClient.connect(port, "as-alice", alice.internalId(), bob.token(), true))
        .isInstanceOfSatisfying(MqttException.class, e ->
            assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    // wire-notes' public userId is not what the SDK sends, nor what is accepted.
    assertThatThrownBy(() -> PahoClient.connect(port, "by-user-id", bob.userId(), bob.token(), true))
        .isInstanceOfSatisfying(MqttException.class, e ->
            assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
  }

  @Test
  void grantsTheUsersOwnTopicsAndHisChannelsOnly() throws Exception {
    String stranger = fixtures.as(alice.token())
        .body(Json.of("type", "text", "targetUserId", amity.newUser(network), "content", "hi"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    String net = bob.network();
    try (PahoClient paho = connect(bob, "grants", true)) {
      int[] granted = paho.subscribe(
          net,
          net + "/smartfeed/" + bob.internalId() + "/channels",
          net + "/smartfeed/" + bob.internalId() + "/messagefeeds",
          bob.messagesTopic(),
          bob.path(),
          net + "/marker/user/" + bob.internalId(),
          net + "/chat/" + channel + "/#",
          // Refused: another user's feeds and markers, a channel he is not in, wildcards above
          // channels, another network, social topics.
          net + "/smartfeed/" + alice.internalId() + "/messages",
          net + "/marker/user/" + alice.internalId(),
          net + "/chat/" + stranger + "/#",
          net + "/chat/+/#",
          "#",
          "other-network/smartfeed/" + bob.internalId() + "/messages",
          net + "/membership/" + bob.internalId() + "/+/+");
      assertThat(granted).containsExactly(0, 0, 0, 0, 0, 0, 0, 128, 128, 128, 128, 128, 128, 128);
    }
  }

  @Test
  void everyMessageEventArrivesInTheChannelsOrder() throws Exception {
    try (PahoClient paho = connect(bob, "order", true)) {
      assertThat(paho.subscribe(bob.messagesTopic())).containsExactly(0);
      for (int i = 0; i < 30; i++) {
        send(alice, "m" + i);
      }
      List<PahoClient.Received> created = paho.await("message.created", 30);
      assertThat(created).extracting(r -> r.message().get("data").get("text").asString())
          .containsExactly(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "m" + i).toArray(String[]::new));
      assertThat(created).extracting(PahoClient.Received::topic).containsOnly(bob.messagesTopic());
      PahoClient.Received first = created.getFirst();
      assertThat(first.body().get("networkId").asString()).isEqualTo(bob.network());
      assertThat(first.body().get("path").asString())
          .isEqualTo(bob.network() + "/chat/" + channel + "/message/"
              + first.message().get("messageId").asString());
      // The v5 shapes: the message of its channel's one feed, by its sender, side-loaded.
      assertThat(first.message().get("channelId").asString()).isEqualTo(channel);
      assertThat(first.message().get("messageFeedId").asString()).isEqualTo(channel);
      assertThat(first.message().get("dataType").asString()).isEqualTo("text");
      assertThat(first.message().get("creatorId").asString()).isEqualTo(alice.internalId());
      assertThat(first.message().get("creatorPublicId").asString()).isEqualTo(alice.userId());
      assertThat(first.body().get("data").get("users").get(0).get("userId").asString())
          .isEqualTo(alice.userId());
      assertThat(first.body().get("data").get("messageFeeds").get(0).get("messageFeedId").asString())
          .isEqualTo(channel);

      String id = created.getLast().message().get("messageId").asString();
      amity.as(alice.token()).body(Json.of("data", Map.of("text", "edited")))
          .put("/api/v3/messages/{id}", id).then().statusCode(200);
      amity.as(bob.token()).post("/api/v3/messages/{id}/flag", id).then().statusCode(200);
      amity.as(bob.token()).delete("/api/v3/messages/{id}/unflag", id).then().statusCode(200);
      amity.as(bob.token())
          .body(Json.of("referenceId", id, "referenceType", "message", "reactionName", "like"))
          .post("/api/v2/reactions").then().statusCode(200);
      amity.as(bob.token()).queryParam("referenceId", id).queryParam("referenceType", "message")
          .queryParam("reactionName", "like").delete("/api/v2/reactions").then().statusCode(200);
      amity.as(alice.token()).delete("/api/v3/messages/{id}", id).then().statusCode(200);

      await().atMost(Duration.ofSeconds(20)).until(() -> paho.received.size() >= 36);
      assertThat(paho.received.subList(30, 36)).extracting(PahoClient.Received::eventType)
          .containsExactly("message.updated", "message.flagged", "message.unflagged",
              "message.reactionAdded", "message.reactionRemoved", "message.deleted");
      assertThat(paho.received.get(30).message().get("data").get("text").asString()).isEqualTo("edited");
      assertThat(paho.received.get(31).message().get("flagCount").asInt()).isEqualTo(1);
      PahoClient.Received reacted = paho.received.get(33);
      assertThat(reacted.body().get("data").get("reactions").get(0).get("reactionName").asString())
          .isEqualTo("like");
      assertThat(reacted.body().get("data").get("reactions").get(0).get("userId").asString())
          .isEqualTo(bob.userId());
      assertThat(reacted.message().get("reactionCount").asInt()).isEqualTo(1);
      assertThat(paho.received.get(35).message().get("isDeleted").asBoolean()).isTrue();
    }
  }

  /** Live PUBLISHes are timed from the change's log entry, on the MQTT face's own series. */
  @Test
  void eachLivePublishCountsInTheMqttDeliveryLag() throws Exception {
    try (PahoClient paho = connect(bob, "lag", true)) {
      assertThat(paho.subscribe(bob.messagesTopic())).containsExactly(0);
      double before = lagCount();
      for (int i = 0; i < 3; i++) {
        send(alice, "timed " + i);
      }
      assertThat(paho.await("message.created", 3)).hasSize(3);
      await().atMost(Duration.ofSeconds(5)).until(() -> lagCount() >= before + 3);
    }
  }

  private static double lagCount() {
    String text = io.restassured.RestAssured.get("/actuator/prometheus").then().statusCode(200)
        .extract().asString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(?m)^switchboard_realtime_delivery_lag_seconds_count\\{face=\"mqtt\"} (\\S+)$").matcher(text);
    assertThat(m.find()).as("the mqtt face's delivery lag series").isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * A new message is rendered from its change, not read again: what arrives must still be what
   * GET answers the receiver — data, metadata, tags, mentions, thread parent, referenceId, the
   * mentioned users side-loaded, and the feed as of the message.
   */
  @Test
  void aNewMessageArrivesAsGetAnswersIt() throws Exception {
    try (PahoClient paho = connect(bob, "as-get", true)) {
      paho.subscribe(bob.messagesTopic());
      String parent = send(alice, "the question");
      String id = amity.as(alice.token()).body(Json.of("messageFeedId", channel, "dataType", "custom",
              "data", Map.of("poll", Map.of("options", List.of("yes", "no"))), "parentId", parent,
              "referenceId", "LOCAL_poll_1", "tags", List.of("vote", "urgent"),
              "metadata", Map.of("color", "red"),
              "mentionedUsers", List.of(Map.of("type", "user", "userIds", List.of(bob.userId())))))
          .post("/api/v5/messages").then().statusCode(200).extract().path("messages[0].messageId");
      List<PahoClient.Received> created = paho.await("message.created", 2);
      JsonNode published = created.getLast().body().get("data");
      JsonNode got = JsonMapper.builder().build()
          .readTree(amity.as(bob.token()).get("/api/v5/messages/{id}", id)
              .then().statusCode(200).extract().asString());

      assertThat(published.get("messages").get(0).get("messageId").asString()).isEqualTo(id);
      assertThat(published.get("messages").get(0).get("referenceId").asString()).isEqualTo("LOCAL_poll_1");
      assertThat(published.get("messages").get(0).get("tags")).hasSize(2);
      assertThat(published.get("users")).hasSize(2); // the sender and the mentioned
      for (String part : List.of("messages", "users", "files", "messageFeeds")) {
        assertThat(published.get(part)).as(part).isEqualTo(got.get(part));
      }
    }
  }

  @Test
  void channelAndMarkerEventsReachTheirOwnTopics() throws Exception {
    String net = bob.network();
    try (PahoClient paho = connect(bob, "channels", true);
        PahoClient aliceSees = connect(alice, "alice-markers", true)) {
      paho.subscribe(net + "/smartfeed/" + bob.internalId() + "/channels",
          net + "/marker/user/" + bob.internalId());
      aliceSees.subscribe(net + "/marker/user/" + alice.internalId());
      String carol = amity.newUser(network);
      // Carol opens a chat with Bob: he hears both joins, on his channels feed.
      String chat = fixtures.as(amity.session(network, carol))
          .body(Json.of("type", "text", "targetUserId", bob.userId(), "content", "hello bob"))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
      List<PahoClient.Received> joined = paho.await("channel.joined", 2);
      assertThat(joined).extracting(PahoClient.Received::topic)
          .containsOnly(net + "/smartfeed/" + bob.internalId() + "/channels");
      assertThat(joined.getFirst().body().get("data").get("channels").get(0).get("channelId").asString())
          .isNotBlank();
      assertThat(joined).extracting(r -> r.body().get("data").get("channelUsers").size())
          .allMatch(n -> n >= 1);

      fixtures.as(bob.token()).post("/api/v1/messages/chat/{id}/read", chat).then().statusCode(200);
      PahoClient.Received marker = paho.await("marker.userFeed-updated", 1).getFirst();
      assertThat(marker.topic()).isEqualTo(net + "/marker/user/" + bob.internalId());
      JsonNodeAssert.field(marker.body(), "data.userFeedMarkers.0.feedId").isEqualTo(chat);
      JsonNodeAssert.field(marker.body(), "data.userFeedMarkers.0.readToSegment").isEqualTo("1");
      JsonNodeAssert.field(marker.body(), "data.feedMarkers.0.lastSegment").isEqualTo("1");
      JsonNodeAssert.field(marker.body(), "data.userFeedMarkers.0.unreadCount").isEqualTo("0");
      JsonNodeAssert.field(marker.body(), "data.userFeedMarkers.0.userId").isEqualTo(bob.internalId());
      // Read state is the reader's own: Alice, not in that chat, hears nothing of it.
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
          .until(() -> aliceSees.received.isEmpty());
    }
  }

  @Test
  void answersPingsSoAnIdleClientStaysConnected() throws Exception {
    try (PahoClient paho = PahoClient.connect(port, "pinger",
        PahoClient.options(bob.internalId(), bob.token(), true, 1))) {
      // Paho pings every second and drops the connection when a PINGRESP is missing.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(paho.client::isConnected);
      // The operator sees the gateway's connections beside /realtime/v1's.
      int open = fixtures.admin().get("/admin/v1/realtime/connections")
          .then().statusCode(200).extract().path("otherFaces.amity-mqtt");
      assertThat(open).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void aPersistentSessionGetsWhatItMissedAfterReconnecting() throws Exception {
    try (PahoClient first = connect(bob, "bob-device", false)) {
      assertThat(first.connectToken.getSessionPresent()).isFalse();
      first.subscribe(bob.messagesTopic());
      send(alice, "before");
      first.await("message.created", 1);
    }
    send(alice, "while away 1");
    send(alice, "while away 2");
    try (PahoClient again = connect(bob, "bob-device", false)) {
      // No SUBSCRIBE: the session kept the subscription and the channel's position.
      assertThat(again.connectToken.getSessionPresent()).isTrue();
      send(alice, "after");
      assertThat(again.await("message.created", 3))
          .extracting(r -> r.message().get("data").get("text").asString())
          .containsExactly("while away 1", "while away 2", "after");
    }
    try (PahoClient clean = connect(bob, "bob-device", true)) {
      assertThat(clean.connectToken.getSessionPresent()).isFalse();
      // The same client id connecting again takes over: the first connection is closed.
      try (PahoClient second = connect(bob, "bob-device", true)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !clean.client.isConnected());
        assertThat(second.client.isConnected()).isTrue();
      }
    }
  }
}
