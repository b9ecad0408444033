package dev.switchboard.api.amity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amity's marker service over real HTTP: unread counts per feed, channel and user, mark-read, sync. */
class AmityMarkersIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private String bob;
  private String bobInternal;
  private String aliceToken;
  private String bobToken;
  private String feed;
  private String mentioning;

  @BeforeEach
  void threeUnreadMessagesForBob() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    String alice = amity.newUser(network);
    bob = amity.newUser(network);
    aliceToken = amity.session(network, alice);
    Response bobSession = amity.withApiKey(network).body(Json.of("userId", bob, "deviceId", "d-2"))
        .post("/api/v5/sessions");
    bobToken = bobSession.path("accessToken");
    bobInternal = bobSession.path("users[0]._id");
    feed = AmityTestChannels.directChannel(fixtures, aliceToken, bob); // segment 1 from alice
    send("two");
    mentioning = send("three @bob", "mentionedUsers", List.of(Map.of("type", "user", "userIds", List.of(bob))));
  }

  private String send(String text, Object... more) {
    Object[] fields = new Object[6 + more.length];
    System.arraycopy(new Object[] {"messageFeedId", feed, "dataType", "text", "data", Map.of("text", text)}, 0, fields, 0, 6);
    System.arraycopy(more, 0, fields, 6, more.length);
    return amity.as(aliceToken).body(Json.of(fields)).post("/api/v5/messages").then().statusCode(200)
        .extract().path("messages[0].messageId");
  }

  @Test
  void unreadCountsComeFromTheReadCursors() {
    amity.as(bobToken).get("/api/v1/markers/userMarker").then().statusCode(200)
        .body("userMarkers[0].userId", equalTo(bobInternal))
        .body("userMarkers[0].unreadCount", equalTo(3))
        .body("userMarkers[0].isMentioned", equalTo(true))
        .body("userMarkers[0].lastSyncAt", notNullValue());
    amity.as(bobToken).queryParam("messageFeedIds[]", feed).get("/api/v1/markers/message-feeds").then()
        .statusCode(200)
        .body("userFeedMarkers[0].feedId", equalTo(feed))
        .body("userFeedMarkers[0].entityId", equalTo(feed))
        .body("userFeedMarkers[0].readToSegment", equalTo(0))
        .body("userFeedMarkers[0].unreadCount", equalTo(3))
        .body("userFeedMarkers[0].lastMentionSegment", equalTo(3))
        .body("feedMarkers[0].lastSegment", equalTo(3))
        .body("userEntityMarkers[0].unreadCount", equalTo(3));
    amity.as(bobToken).queryParam("channelIds[]", feed).get("/api/v1/markers/channels").then().statusCode(200)
        .body("userEntityMarkers[0].entityId", equalTo(feed))
        .body("userEntityMarkers[0].membership", equalTo("member"))
        .body("userEntityMarkers[0].unreadCount", equalTo(3));
    amity.as(bobToken).queryParam("channelIds[]", feed).get("/api/v1/markers/user-message-feed").then()
        .statusCode(200).body("userFeedMarkers[0].unreadCount", equalTo(3)).body("feedMarkers", hasSize(1));
    // Alice's own messages are not unread for her.
    amity.as(aliceToken).get("/api/v1/markers/userMarker").then().body("userMarkers[0].unreadCount", equalTo(0));
  }

  @Test
  void markReadMovesForwardOnlyAndClamps() {
    amity.as(bobToken).body(Json.of("readToSegment", 2)).put("/api/v1/markers/message-feeds/{id}/mark-read", feed)
        .then().statusCode(200)
        .body("userFeedMarkers[0].readToSegment", equalTo(2))
        .body("userFeedMarkers[0].unreadCount", equalTo(1))
        .body("userFeedMarkers[0].isMentioned", equalTo(true))
        .body("userMarkers[0].unreadCount", equalTo(1));
    amity.as(bobToken).body(Json.of("readToSegment", 1)).put("/api/v1/markers/message-feeds/{id}/mark-read", feed)
        .then().statusCode(200).body("userFeedMarkers[0].readToSegment", equalTo(2));
    amity.as(bobToken).put("/api/v1/markers/channels/{id}/mark-read", feed).then().statusCode(200)
        .body("userEntityMarkers[0].unreadCount", equalTo(0))
        .body("userEntityMarkers[0].isMentioned", equalTo(false))
        .body("userFeedMarkers[0].readToSegment", equalTo(3))
        .body("userMarkers[0].unreadCount", equalTo(0));
    amity.as(bobToken).queryParam("messageIds[]", mentioning).get("/api/v1/markers/messages").then()
        .statusCode(200).body("contentMarkers[0].contentId", equalTo(mentioning))
        .body("contentMarkers[0].readCount", equalTo(1)).body("contentMarkers[0].segment", equalTo(3));
    amity.as(bobToken).body(Json.of("readToSegment", 99)).put("/api/v1/markers/message-feeds/{id}/mark-read", feed)
        .then().statusCode(200).body("userFeedMarkers[0].readToSegment", equalTo(3));
  }

  @Test
  void syncReturnsWhatChangedAndThenNothing() {
    Response first = amity.as(bobToken).body(Json.of("deviceLastSyncAt", "2000-01-01T00:00:00.000Z"))
        .post("/api/v1/markers/sync");
    first.then().statusCode(200).body("feedMarkers.feedId", contains(feed))
        .body("userFeedMarkers[0].unreadCount", equalTo(3));
    String lastSyncAt = first.path("userMarkers[0].lastSyncAt");
    amity.as(bobToken).body(Json.of("deviceLastSyncAt", lastSyncAt)).post("/api/v1/markers/sync").then()
        .statusCode(200).body("feedMarkers", empty()).body("userMarkers[0].lastSyncAt", equalTo(lastSyncAt));
    send("four");
    amity.as(bobToken).body(Json.of("deviceLastSyncAt", lastSyncAt)).post("/api/v1/markers/sync").then()
        .statusCode(200).body("feedMarkers[0].lastSegment", equalTo(4));
  }

  @Test
  void refusalsAreInAmitysBodyWhileAllminesV1KeepsItsOwn() {
    String carolToken = amity.session(network, amity.newUser(network));
    Response notMember = amity.as(carolToken).put("/api/v1/markers/channels/{id}/mark-read", feed);
    notMember.then().statusCode(403).body("status", equalTo("error"));
    WireShape.assertMatches("amity/error.json", notMember.asString());
    amity.as(carolToken).queryParam("channelIds[]", feed).get("/api/v1/markers/channels").then()
        .statusCode(200).body("userEntityMarkers", empty());
    Network other = amity.network();
    String outsider = amity.session(other, amity.newUser(other));
    amity.as(outsider).put("/api/v1/markers/channels/{id}/mark-read", feed).then().statusCode(404)
        .body("code", equalTo(400400));
    for (Object body : new Object[] {Map.of("readToSegment", -1), Map.of()}) {
      Response bad = amity.as(bobToken).body(body).put("/api/v1/markers/message-feeds/{id}/mark-read", feed);
      bad.then().statusCode(400).body("code", equalTo(400000));
      WireShape.assertMatches("amity/error.json", bad.asString());
    }
    amity.as(bobToken).body(Json.of("deviceLastSyncAt", "yesterday")).post("/api/v1/markers/sync").then()
        .statusCode(400).body("code", equalTo(400000));
    Response anonymous = RestAssured.given().get("/api/v1/markers/userMarker");
    anonymous.then().statusCode(401).body("code", equalTo(400100));
    WireShape.assertMatches("amity/error.json", anonymous.asString());
    RestAssured.given().get("/api/v1/no-such-allmine-route").then().statusCode(404)
        .body("isSuccess", equalTo(false));
  }
}
