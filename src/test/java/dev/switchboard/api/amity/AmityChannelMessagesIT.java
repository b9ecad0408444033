package dev.switchboard.api.amity;

import static org.hamcrest.Matchers.equalTo;

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

/** Messages in Amity channels: the channel's rules, moderators, flag limit and mention cursors. */
class AmityChannelMessagesIT extends ApiTestBase {
  private AmityFixtures amity;
  private String modToken;
  private String bobToken;
  private String carolToken;

  @BeforeEach
  void channel() {
    amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    modToken = amity.session(network, "mod");
    bobToken = amity.session(network, "bob");
    carolToken = amity.session(network, "carol");
    amity.as(modToken).body(Json.of("channelId", "room", "type", "community", "userIds", List.of("bob", "carol"),
        "messageAutoDeleteEnabled", true, "autoDeleteMessageByFlagLimit", 2))
        .post("/api/v3/channels").then().statusCode(200);
  }

  private Response say(String token, String channelId, Object... more) {
    Object[] fields = new Object[4 + more.length];
    fields[0] = "channelId";
    fields[1] = channelId;
    fields[2] = "data";
    fields[3] = Map.of("text", "hello");
    System.arraycopy(more, 0, fields, 4, more.length);
    return amity.as(token).body(Json.of(fields)).post("/api/v3/messages");
  }

  @Test
  void theChannelsPublicIdAddressesItsMessages() {
    say(bobToken, "room").then().statusCode(200).body("messages[0].channelId", equalTo("room"))
        .body("messages[0].channelSegment", equalTo(1));
    amity.as(carolToken).queryParam("channelId", "room").get("/api/v3/messages").then()
        .statusCode(200).body("messages[0].channelId", equalTo("room"));
    say(bobToken, "no-such-room").then().statusCode(404).body("code", equalTo(400400));
  }

  @Test
  void theFlagThatReachesTheChannelLimitDeletesTheMessage() {
    String id = say(bobToken, "room").path("messages[0].messageId");
    amity.as(carolToken).post("/api/v3/messages/{id}/flag", id).then()
        .body("messages[0].isDeleted", equalTo(false));
    amity.as(modToken).post("/api/v3/messages/{id}/flag", id).then()
        .body("messages[0].flagCount", equalTo(2)).body("messages[0].isDeleted", equalTo(true));
  }

  @Test
  void channelModeratorsEditDeleteAndClearFlagsOfOthers() {
    String id = say(bobToken, "room").path("messages[0].messageId");
    amity.as(carolToken).post("/api/v3/messages/{id}/flag", id).then().statusCode(200);
    amity.as(carolToken).delete("/api/v3/messages/{id}/clearFlags", id).then().statusCode(403)
        .body("code", equalTo(400301));
    amity.as(modToken).delete("/api/v3/messages/{id}/clearFlags", id).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(0));
    amity.as(modToken).body(Json.of("data", Map.of("text", "moderated"))).put("/api/v3/messages/{id}", id)
        .then().statusCode(200).body("messages[0].data.text", equalTo("moderated"));
    amity.as(modToken).delete("/api/v3/messages/{id}", id).then().statusCode(200);
  }

  @Test
  void mentionsAdvanceTheMentionedMembersCursor() {
    say(modToken, "room", "mentionees", List.of(Map.of("type", "user", "userIds", List.of("bob"))));
    amity.as(bobToken).get("/api/v3/channels/room").then()
        .body("channelUsers[0].lastMentionedSegment", equalTo(1));
    amity.as(carolToken).get("/api/v3/channels/room").then()
        .body("channelUsers[0].lastMentionedSegment", equalTo(0));
    say(bobToken, "room", "mentionees", List.of(Map.of("type", "channel", "userIds", List.of())));
    amity.as(carolToken).get("/api/v3/channels/room").then()
        .body("channelUsers[0].lastMentionedSegment", equalTo(2));
  }

  @Test
  void broadcastChannelsTakePostsFromModeratorsOnly() {
    amity.as(modToken).body(Json.of("channelId", "news", "type", "broadcast", "userIds", List.of("bob")))
        .post("/api/v3/channels").then().statusCode(200);
    say(modToken, "news").then().statusCode(200);
    Response refused = say(bobToken, "news");
    refused.then().statusCode(403).body("code", equalTo(400301));
    WireShape.assertMatches("amity/error.json", refused.asString());
  }
}
