package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reactions and flags by several users, through real HTTP. */
class AmityReactionsAndFlagsIT extends ApiTestBase {
  private AmityFixtures amity;
  private String aliceToken;
  private String bobToken;
  private String bob;
  private String messageId;
  private String channel;

  @BeforeEach
  void message() {
    amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String alice = amity.newUser(network);
    bob = amity.newUser(network);
    aliceToken = amity.session(network, alice);
    bobToken = amity.session(network, bob);
    channel = AmityTestChannels.directChannel(fixtures, aliceToken, bob);
    messageId = amity.as(aliceToken)
        .body(Json.of("channelId", channel, "messageId", "client-msg-1", "data", Map.of("text", "react to me")))
        .post("/api/v3/messages").path("messages[0].messageId");
  }

  private Response react(String token, String name) {
    return amity.as(token)
        .body(Json.of("referenceId", messageId, "referenceType", "message", "reactionName", name))
        .post("/api/v2/reactions");
  }

  private Response unreact(String token, String name) {
    return amity.as(token).queryParam("referenceId", messageId).queryParam("referenceType", "message")
        .queryParam("reactionName", name).delete("/api/v2/reactions");
  }

  @Test
  void reactionsAreOnePerUserAndNameWithCountsMineAndLatest() {
    Response added = react(bobToken, "like");
    added.then().statusCode(200);
    WireShape.assertMatches("amity/reaction-added.json", added.asString());
    react(bobToken, "like").then().statusCode(200).body("addedId", equalTo(added.path("addedId")));
    react(aliceToken, "like").then().statusCode(200);
    react(aliceToken, "love").then().statusCode(200);

    String reply = amity.as(aliceToken)
        .body(Json.of("channelId", channel, "data", Map.of("text", "reply"), "parentId", messageId))
        .post("/api/v3/messages").path("messages[0].messageId");
    Response mine = amity.as(bobToken).get("/api/v3/messages/{id}", messageId);
    mine.then().body("messages[0].reactions.like", equalTo(2))
        .body("messages[0].reactions.love", equalTo(1))
        .body("messages[0].reactionsCount", equalTo(3))
        .body("messages[0].myReactions", contains("like"))
        .body("messages[0].latestReaction.reactionName", equalTo("love"))
        .body("messages[0].latestReaction.eventName", equalTo("add"))
        .body("messages[0].childrenNumber", equalTo(1));
    amity.as(aliceToken).get("/api/v3/messages/{id}", messageId).then()
        .body("messages[0].myReactions", containsInAnyOrder("like", "love"));

    // A reacted reply: its parent, reactions and latest reaction have the golden shape.
    react(bobToken, "like");
    String saved = messageId;
    messageId = reply;
    react(bobToken, "like");
    react(aliceToken, "like");
    Response replyView = amity.as(aliceToken).get("/api/v3/messages/{id}", reply);
    replyView.then().body("messages[0].reactions.like", equalTo(2));
    WireShape.assertMatches("amity/message-reply-reacted.json", replyView.asString());
    messageId = saved;

    Response page = amity.as(aliceToken).queryParam("referenceId", messageId)
        .queryParam("referenceType", "message").queryParam("reactionName", "like")
        .queryParam("options[limit]", 1).get("/api/v3/reactions");
    page.then().statusCode(200).body("reactions[0].reactors", hasSize(1));
    WireShape.assertMatches("amity/reactions.json", page.asString());
    Response last = amity.as(aliceToken).queryParam("referenceId", messageId)
        .queryParam("referenceType", "message").queryParam("reactionName", "like")
        .queryParam("options[token]", (String) page.path("paging.next")).get("/api/v3/reactions");
    last.then().body("reactions[0].reactors", hasSize(1)).body("paging.next", equalTo(null));
    WireShape.assertMatches("amity/reactions-last.json", last.asString());
    assertThat((String) last.path("reactions[0].reactors[0].reactionId"))
        .isNotEqualTo(page.path("reactions[0].reactors[0].reactionId"));

    Response removed = unreact(bobToken, "like");
    removed.then().statusCode(200).body("removedId", equalTo(added.path("addedId")));
    WireShape.assertMatches("amity/reaction-removed.json", removed.asString());
    unreact(bobToken, "like").then().statusCode(404).body("code", equalTo(400400));
    amity.as(bobToken).get("/api/v3/messages/{id}", messageId).then()
        .body("messages[0].reactions.like", equalTo(1))
        .body("messages[0].myReactions", hasSize(0))
        .body("messages[0].latestReaction.eventName", equalTo("remove"));

    react(bobToken, "x".repeat(101)).then().statusCode(400);
    amity.as(bobToken).body(Json.of("referenceId", messageId, "referenceType", "post", "reactionName", "like"))
        .post("/api/v2/reactions").then().statusCode(400).body("code", equalTo(400000));
  }

  @Test
  void flagsCountFlaggersAndOnlyModeratorsClearThem() {
    amity.as(bobToken).post("/api/v3/messages/{id}/flag", messageId).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(1));
    amity.as(aliceToken).post("/api/v3/messages/{id}/flag", messageId).then()
        .body("messages[0].flagCount", equalTo(2));
    Response flagged = amity.as(bobToken).get("/api/v3/messages/{id}/isFlaggedByMe", messageId);
    flagged.then().statusCode(200).body("data.result", equalTo(true));
    WireShape.assertMatches("amity/is-flagged.json", flagged.asString());
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("hasFlag", true)
        .get("/api/v3/messages").then().body("messages.messageId", contains(messageId));

    amity.as(bobToken).delete("/api/v3/messages/{id}/unflag", messageId).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(1));
    amity.as(bobToken).get("/api/v3/messages/{id}/isFlaggedByMe", messageId).then()
        .body("data.result", equalTo(false));

    Response refused = amity.as(bobToken).delete("/api/v3/messages/{id}/clearFlags", messageId);
    refused.then().statusCode(403);
    WireShape.assertMatches("amity/error.json", refused.asString());
    amity.as(bobToken).get("/api/v3/messages/{id}", messageId).then().body("messages[0].flagCount", equalTo(1));
  }
}
