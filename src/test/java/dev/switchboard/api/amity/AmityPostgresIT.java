package dev.switchboard.api.amity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions and channels on real PostgreSQL: the SQL of both runs there as on H2. */
class AmityPostgresIT extends PostgresApiTestBase {
  @Test
  void sessionsAndChannelsOnPostgres() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String old = amity.session(network, "alice", "phone");
    String alice = amity.session(network, "alice", "phone");
    amity.as(old).get("/api/v3/sessions").then().statusCode(401).body("code", equalTo(400100));
    String bob = amity.session(network, "bob");

    amity.as(alice).body(Json.of("channelId", "pg", "displayName", "PG", "tags", List.of("db"), "userIds", List.of("bob")))
        .post("/api/v3/channels").then().statusCode(200).body("channels[0].memberCount", equalTo(2));
    amity.as(alice).queryParam("keyword", "p").queryParam("tags[]", "db").queryParam("types[]", "community")
        .queryParam("filter", "member").queryParam("sortBy", "displayName").get("/api/v3/channels")
        .then().statusCode(200).body("channels.channelId", contains("pg"));
    amity.as(alice).body(Json.of("role", "moderator", "userIds", List.of("bob"))).post("/api/v3/channels/pg/users/roles")
        .then().statusCode(200);
    amity.as(bob).queryParam("roles[]", "moderator").get("/api/v3/channels/pg/users")
        .then().statusCode(200).body("channelUsers.userId", contains("bob"));
    amity.as(alice).body(Json.of("userIds", List.of("bob"), "mutePeriod", 1000)).put("/api/v2/channel/pg/users/mute")
        .then().statusCode(200);
    amity.as(alice).body(Json.of("mutePeriod", 1000)).put("/api/v2/channel/pg/mute").then().statusCode(200);
    amity.as(alice).body(Json.of("userIds", List.of("bob"))).put("/api/v3/channels/pg/users/ban")
        .then().statusCode(200).body("channels[0].memberCount", equalTo(1));
    amity.as(bob).post("/api/v3/channels/pg/join").then().statusCode(403).body("code", equalTo(400304));
    amity.as(alice).body(Json.of("readToSegment", 0)).post("/api/v3/channels/pg/seen").then().statusCode(200);
    amity.as(alice).body(Json.of("userIds", List.of("bob"))).post("/api/v3/channels/conversation")
        .then().statusCode(200).body("channelUsers", hasSize(2));
    amity.as(alice).delete("/api/v3/channels/pg").then().statusCode(200);
    amity.as(alice).queryParam("isDeleted", true).get("/api/v3/channels")
        .then().body("channels.channelId", contains("pg"));
  }
}
