package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amity v5 messages, flags, reactions and message feeds over real HTTP, as SDK 6.x calls them. */
class AmityV5MessagesIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;
  private String feed;

  @BeforeEach
  void channel() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    alice = amity.newUser(network);
    bob = amity.newUser(network);
    aliceToken = amity.session(network, alice);
    bobToken = amity.session(network, bob);
    feed = AmityTestChannels.directChannel(fixtures, aliceToken, bob); // segment 1: "hi" (Allmine)
  }

  private Response send(String token, Object... fields) {
    return amity.as(token).body(Json.of(fields)).post("/api/v5/messages");
  }

  private Response text(String token, String text, Object... more) {
    Object[] fields = new Object[6 + more.length];
    System.arraycopy(new Object[] {"messageFeedId", feed, "dataType", "text", "data", Map.of("text", text)}, 0, fields, 0, 6);
    System.arraycopy(more, 0, fields, 6, more.length);
    return send(token, fields);
  }

  @Test
  void sendReadsBackInV5AndV3Alike() {
    Response created = text(aliceToken, "Hello @bob", "referenceId", "LOCAL_1", "tags", List.of("x"),
        "metadata", Map.of("k", "v"), "mentionedUsers", List.of(Map.of("type", "user", "userIds", List.of(bob))));
    created.then().statusCode(200)
        .body("messages", hasSize(1))
        .body("messages[0].messageFeedId", equalTo(feed))
        .body("messages[0].channelPublicId", equalTo(feed))
        .body("messages[0].segment", equalTo(2))
        .body("messages[0].dataType", equalTo("text"))
        .body("messages[0].data.text", equalTo("Hello @bob"))
        .body("messages[0].creatorPublicId", equalTo(alice))
        .body("messages[0].referenceId", equalTo("LOCAL_1"))
        .body("messages[0].mentionedUsers[0].userPublicIds", contains(bob))
        .body("messages[0].metadata.k", equalTo("v"))
        .body("messageFeeds[0].messageFeedId", equalTo(feed))
        .body("messageFeeds[0].childCount", equalTo(2))
        .body("users.userId", org.hamcrest.Matchers.hasItems(alice, bob));
    String id = created.path("messages[0].messageId");
    assertThat(AmityV5PayloadsIT.nulls(Json.parse(created.asString()).get("messages"))).isEmpty();
    // The feed in the answer has the sent message as its newest, as a read of the feed would.
    assertThat(created.<String>path("messageFeeds[0].lastMessageId")).isEqualTo(id);
    assertThat(created.<String>path("messageFeeds[0].messagePreviewId")).isEqualTo(id);
    assertThat(created.<String>path("messageFeeds[0].lastMessageTimestamp"))
        .isEqualTo(created.path("messages[0].createdAt"));
    amity.as(bobToken).get("/api/v5/message-feeds/{id}", feed).then().statusCode(200)
        .body("messageFeeds[0].lastMessageId", equalTo(id))
        .body("messageFeeds[0].lastMessageTimestamp",
            equalTo(created.path("messages[0].createdAt")));

    // A retry with the same referenceId is the same message.
    text(aliceToken, "Hello @bob", "referenceId", "LOCAL_1").then().statusCode(200)
        .body("messages[0].messageId", equalTo(id));
    // v3 reads the same message; Allmine's opening message reads in v5.
    amity.as(bobToken).get("/api/v3/messages/{id}", id).then().statusCode(200)
        .body("messages[0]._id", equalTo(id)).body("messages[0].data.text", equalTo("Hello @bob"));
    amity.as(bobToken).queryParam("messageFeedId", feed).get("/api/v5/messages").then().statusCode(200)
        .body("messages.segment", contains(2, 1))
        .body("messages[1].data.text", equalTo("hi"))
        .body("paging.next", nullValue());
    amity.as(bobToken).get("/api/v5/messages/{id}", id).then().statusCode(200)
        .body("messages[0].messageId", equalTo(id));
    amity.as(bobToken).queryParam("messageIds[]", id).get("/api/v5/messages/list").then().statusCode(200)
        .body("messages.messageId", contains(id));
  }

  @Test
  void pagesWalkBothWaysInEitherOrder() {
    for (int i = 0; i < 4; i++) {
      text(aliceToken, "m" + i).then().statusCode(200);
    }
    Response first = amity.as(bobToken).queryParam("messageFeedId", feed)
        .queryParam("options[limit]", 2).get("/api/v5/messages");
    first.then().statusCode(200).body("messages.segment", contains(5, 4))
        .body("paging.previous", nullValue()).body("paging.next", notNullValue());
    Response second = amity.as(bobToken).queryParam("messageFeedId", feed)
        .queryParam("options[token]", first.<String>path("paging.next")).get("/api/v5/messages");
    second.then().statusCode(200).body("messages.segment", contains(3, 2));
    amity.as(bobToken).queryParam("messageFeedId", feed)
        .queryParam("options[token]", second.<String>path("paging.previous")).get("/api/v5/messages")
        .then().statusCode(200).body("messages.segment", contains(5, 4));
    Response asc = amity.as(bobToken).queryParam("messageFeedId", feed)
        .queryParam("options[limit]", 3).queryParam("options[sortBy]", "segmentAsc").get("/api/v5/messages");
    asc.then().statusCode(200).body("messages.segment", contains(1, 2, 3));
    amity.as(bobToken).queryParam("messageFeedId", feed)
        .queryParam("options[token]", asc.<String>path("paging.next")).get("/api/v5/messages")
        .then().statusCode(200).body("messages.segment", contains(4, 5)).body("paging.next", nullValue());

    for (Object[] bad : new Object[][] {{"options[limit]", 101}, {"options[sortBy]", "random"},
        {"options[token]", "garbage"}, {"dataType", "poll"}}) {
      Response refused = amity.as(bobToken).queryParam("messageFeedId", feed).queryParam((String) bad[0], bad[1])
          .get("/api/v5/messages");
      refused.then().statusCode(400).body("code", equalTo(400000));
      WireShape.assertMatches("amity/error.json", refused.asString());
    }
    amity.as(bobToken).get("/api/v5/messages").then().statusCode(400).body("code", equalTo(400000));
  }

  @Test
  void threadsEditsAndSoftDeletes() {
    String root = text(aliceToken, "root").path("messages[0].messageId");
    text(bobToken, "reply", "parentId", root).then().statusCode(200).body("messages[0].parentId", equalTo(root));
    amity.as(aliceToken).get("/api/v5/messages/{id}", root).then().body("messages[0].childCount", equalTo(1));
    amity.as(aliceToken).queryParam("messageFeedId", feed).queryParam("parentId", root).get("/api/v5/messages")
        .then().statusCode(200).body("messages.data.text", contains("reply"));

    amity.as(aliceToken).body(Json.of("data", Map.of("text", "root, edited"))).put("/api/v5/messages/{id}", root)
        .then().statusCode(200).body("messages[0].data.text", equalTo("root, edited"));
    amity.as(bobToken).body(Json.of("data", Map.of("text", "not mine"))).put("/api/v5/messages/{id}", root)
        .then().statusCode(403).body("status", equalTo("error"));
    amity.as(aliceToken).queryParam("permanent", true).delete("/api/v5/messages/{id}", root)
        .then().statusCode(400).body("code", equalTo(400000));
    amity.as(aliceToken).delete("/api/v5/messages/{id}", root).then().statusCode(200)
        .body("messages[0].messageId", equalTo(root)).body("messages[0].isDeleted", equalTo(true));
    amity.as(bobToken).get("/api/v5/messages/{id}", root).then().statusCode(200)
        .body("messages[0].isDeleted", equalTo(true));
  }

  @Test
  void flagsAndReactionsWithTheSdksBodies() {
    String id = text(aliceToken, "flag me").path("messages[0].messageId");
    amity.as(bobToken).post("/api/v5/messages/{id}/flags", id).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(1));
    amity.as(bobToken).get("/api/v5/messages/{id}/flags", id).then().statusCode(200).body("result", equalTo(true));
    amity.as(aliceToken).get("/api/v5/messages/{id}/flags", id).then().body("result", equalTo(false));
    amity.as(bobToken).delete("/api/v5/messages/{id}/flags", id).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(0));
    amity.as(bobToken).get("/api/v5/messages/{id}/flags", id).then().body("result", equalTo(false));

    Map<String, Object> reaction = Map.of("referenceId", id, "referenceType", "message",
        "reactionName", "like", "referenceVersion", 5);
    amity.as(bobToken).body(reaction).post("/api/v2/reactions").then().statusCode(200);
    amity.as(bobToken).get("/api/v5/messages/{id}", id).then()
        .body("messages[0].reactions.like", equalTo(1)).body("messages[0].reactionCount", equalTo(1))
        .body("messages[0].myReactions", contains("like"));
    amity.as(bobToken).body(reaction).delete("/api/v2/reactions").then().statusCode(200)
        .body("removedId", notNullValue());
    amity.as(bobToken).get("/api/v5/messages/{id}", id).then().body("messages[0].reactionCount", equalTo(0));
    Map<String, Object> wrongVersion = new java.util.HashMap<>(reaction);
    wrongVersion.put("referenceVersion", 7);
    amity.as(bobToken).body(wrongVersion).delete("/api/v2/reactions").then().statusCode(400)
        .body("code", equalTo(400000));
    amity.as(bobToken).body(Map.of("referenceType", "message")).delete("/api/v2/reactions").then()
        .statusCode(400).body("status", equalTo("error"));
  }

  @Test
  void messageFeedsAreTheChannelsOneFeed() {
    String id = text(aliceToken, "newest").path("messages[0].messageId");
    Response one = amity.as(bobToken).get("/api/v5/message-feeds/{id}", feed);
    one.then().statusCode(200)
        .body("messageFeeds", hasSize(1))
        .body("messageFeeds[0].messageFeedId", equalTo(feed))
        .body("messageFeeds[0].channelType", equalTo("conversation"))
        .body("messageFeeds[0].lastMessageId", equalTo(id))
        .body("messageFeeds[0].childCount", equalTo(2))
        .body("messages[0].messageId", equalTo(id));
    assertThat(AmityV5PayloadsIT.nulls(Json.parse(one.asString()).get("messageFeeds"))).isEmpty();
    assertThat(AmityV5PayloadsIT.nulls(Json.parse(one.asString()).get("messages"))).isEmpty();
    amity.as(bobToken).queryParam("messageFeedIds[]", feed).get("/api/v5/message-feeds/list").then()
        .statusCode(200).body("messageFeeds.messageFeedId", contains(feed));
    amity.as(bobToken).get("/api/v5/message-feeds/channel/{id}", feed).then()
        .statusCode(200).body("messageFeeds.messageFeedId", contains(feed));
  }

  @Test
  void strangersAndOtherNetworksAreRefusedInAmitysBody() {
    String id = text(aliceToken, "private").path("messages[0].messageId");
    String carol = amity.newUser(network);
    String carolToken = amity.session(network, carol);
    Response notMember = amity.as(carolToken).get("/api/v5/messages/{id}", id);
    notMember.then().statusCode(403).body("code", equalTo(400301));
    WireShape.assertMatches("amity/error.json", notMember.asString());
    text(carolToken, "let me in").then().statusCode(403).body("code", equalTo(400301));
    amity.as(carolToken).get("/api/v5/message-feeds/{id}", feed).then().statusCode(403);

    Network other = amity.network();
    String outsiderToken = amity.session(other, amity.newUser(other));
    Response missing = amity.as(outsiderToken).get("/api/v5/messages/{id}", id);
    missing.then().statusCode(404).body("code", equalTo(400400));
    WireShape.assertMatches("amity/error.json", missing.asString());
    amity.as(outsiderToken).queryParam("messageFeedId", feed).get("/api/v5/messages").then().statusCode(404);
    io.restassured.RestAssured.given().get("/api/v5/messages/{id}", id).then().statusCode(401)
        .body("code", equalTo(400100));
    send(aliceToken, "dataType", "text", "data", Map.of("text", "no feed")).then().statusCode(400)
        .body("code", equalTo(400000));
    amity.as(aliceToken).contentType("application/json").body("{not json").post("/api/v5/messages")
        .then().statusCode(400).body("status", equalTo("error"));
  }

  @Test
  void channelPayloadsCarryV5PreviewsAndTheirFeed() {
    String id = text(aliceToken, "latest").path("messages[0].messageId");
    amity.as(bobToken).get("/api/v3/channels/{id}", feed).then().statusCode(200)
        .body("messagePreviews[0].messageId", equalTo(id))
        .body("messagePreviews[0].messageFeedId", equalTo(feed))
        .body("messagePreviews[0].channelPublicId", equalTo(feed))
        .body("messagePreviews[0].creatorPublicId", equalTo(alice))
        .body("messagePreviews[0].dataType", equalTo("text"))
        .body("messagePreviews[0].segment", equalTo(2))
        .body("messagePreviews[0].data.text", equalTo("latest"))
        .body("messageFeedsInfo[0].messageFeedId", equalTo(feed))
        .body("messageFeedsInfo[0].messagePreviewId", equalTo(id))
        .body("users.userId", org.hamcrest.Matchers.hasItem(alice));
    amity.as(bobToken).get("/api/v4/channels/{id}/users", feed).then().statusCode(200)
        .body("channels[0].channelId", equalTo(feed))
        .body("channels[0].channelInternalId", equalTo(feed))
        .body("channelUsers.userId", org.hamcrest.Matchers.hasItems(alice, bob))
        .body("messagePreviews[0].messageId", equalTo(id));
  }
}
