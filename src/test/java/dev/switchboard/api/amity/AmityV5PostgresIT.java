package dev.switchboard.api.amity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresApiTestBase;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL behind v5 messages, markers and the users directory, on real PostgreSQL. */
class AmityV5PostgresIT extends PostgresApiTestBase {
  @Test
  void v5MarkersAndUsersWorkOnPostgres() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String tag = "pg" + System.nanoTime();
    String alice = tag + "-alice";
    String bob = tag + "-bob";
    amity.withApiKey(network).body(Json.of("userId", alice, "deviceId", "d", "displayName", "Alice " + tag))
        .post("/api/v5/sessions").then().statusCode(200);
    String aliceToken = amity.session(network, alice);
    String bobToken = amity.session(network, bob);
    String feed = AmityTestChannels.directChannel(fixtures, aliceToken, bob);
    for (String text : List.of("two", "three")) {
      amity.as(aliceToken).body(Json.of("messageFeedId", feed, "dataType", "text", "data", Map.of("text", text),
          "mentionedUsers", List.of(Map.of("type", "user", "userIds", List.of(bob))))).post("/api/v5/messages")
          .then().statusCode(200);
    }
    amity.as(bobToken).queryParam("messageFeedId", feed).queryParam("options[limit]", 2).get("/api/v5/messages")
        .then().statusCode(200).body("messages.segment", contains(3, 2));

    amity.as(bobToken).get("/api/v1/markers/userMarker").then().statusCode(200)
        .body("userMarkers[0].unreadCount", equalTo(3)).body("userMarkers[0].isMentioned", equalTo(true));
    Response synced = amity.as(bobToken).body(Json.of("deviceLastSyncAt", "2000-01-01T00:00:00.000Z"))
        .post("/api/v1/markers/sync");
    synced.then().statusCode(200).body("userFeedMarkers[0].unreadCount", equalTo(3));
    amity.as(bobToken).body(Json.of("deviceLastSyncAt", synced.<String>path("userMarkers[0].lastSyncAt")))
        .post("/api/v1/markers/sync").then().statusCode(200).body("feedMarkers", empty());
    amity.as(bobToken).body(Json.of("readToSegment", 2)).put("/api/v1/markers/message-feeds/{id}/mark-read", feed)
        .then().statusCode(200).body("userFeedMarkers[0].unreadCount", equalTo(1));

    amity.as(bobToken).queryParam("keyword", "ALICE " + tag).get("/api/v3/users").then().statusCode(200)
        .body("users.userId", contains(alice));
    amity.as(bobToken).queryParam("keyword", alice).queryParam("exactMatchKeyword", true)
        .queryParam("sortBy", "lastCreated").get("/api/v3/users").then().body("users.userId", contains(alice));
  }
}
