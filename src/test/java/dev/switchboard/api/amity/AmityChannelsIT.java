package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmityChannelsIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void users() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    alice = "alice";
    bob = "bob";
    aliceToken = amity.session(network, alice);
    bobToken = amity.session(network, bob);
  }

  private Response create(String token, Object... body) {
    return amity.as(token).body(Json.of(body)).post("/api/v3/channels");
  }

  private String community(String channelId) {
    return create(aliceToken, "channelId", channelId, "type", "community", "displayName", channelId)
        .then().statusCode(200).extract().path("channels[0].channelId");
  }

  @Test
  void creatingAChannelAnswersTheSideLoadedPayload() {
    Response created = create(aliceToken, "channelId", "general", "type", "community",
        "displayName", "General", "tags", List.of("news", "news"), "userIds", List.of(bob));
    created.then().statusCode(200)
        .body("channels[0].channelId", equalTo("general"))
        .body("channels[0].type", equalTo("community"))
        .body("channels[0].tags", contains("news"))
        .body("channels[0].memberCount", equalTo(2))
        .body("channelUsers", hasSize(1))
        .body("channelUsers[0].userId", equalTo(alice))
        .body("channelUsers[0].roles", contains("channel-moderator"))
        .body("users[0].userId", equalTo(alice));
    WireShape.assertMatches("amity/channels.json", created.asString());

    Response fetched = amity.as(bobToken).get("/api/v3/channels/general");
    fetched.then().statusCode(200).body("channels[0].displayName", equalTo("General"))
        .body("channelUsers[0].userId", equalTo(bob)).body("channelUsers[0].roles", hasSize(0));
    WireShape.assertMatches("amity/channels.json", fetched.asString());

    // Metadata is kept as given; without a channelId the id is the conversation id.
    create(aliceToken, "type", "live", "metadata", Json.MAPPER.readTree("{\"color\":\"blue\"}"))
        .then().statusCode(200).body("channels[0].metadata.color", equalTo("blue"))
        .body("channels[0].channelId", matchesPattern("[0-9a-f]{24}"));
    create(aliceToken, "metadata", "text").then().statusCode(400);
    Response taken = create(bobToken, "channelId", "general");
    taken.then().statusCode(403).body("code", equalTo(400315));
    WireShape.assertMatches("amity/error.json", taken.asString());
  }

  @Test
  void queryFiltersSortsAndPages() {
    create(aliceToken, "channelId", "b-news", "displayName", "Beta news", "tags", List.of("news"));
    create(aliceToken, "channelId", "a-live", "type", "live", "displayName", "Alpha live");
    create(bobToken, "channelId", "c-bob", "type", "broadcast", "displayName", "Charlie");

    Response all = amity.as(aliceToken).queryParam("sortBy", "displayName").get("/api/v3/channels");
    all.then().statusCode(200).body("channels.channelId", contains("a-live", "b-news", "c-bob"));
    WireShape.assertMatches("amity/channels-page.json", all.asString());
    amity.as(aliceToken).queryParam("keyword", "NEWS").get("/api/v3/channels")
        .then().body("channels.channelId", contains("b-news"));
    amity.as(aliceToken).queryParam("types[]", "live").queryParam("types[]", "broadcast")
        .queryParam("sortBy", "firstCreated").get("/api/v3/channels")
        .then().body("channels.channelId", contains("a-live", "c-bob"));
    amity.as(aliceToken).queryParam("filter", "notMember").get("/api/v3/channels")
        .then().body("channels.channelId", contains("c-bob"));
    amity.as(aliceToken).queryParam("tags[]", "news").get("/api/v3/channels")
        .then().body("channels.channelId", contains("b-news"));
    amity.as(aliceToken).queryParam("excludeTags[]", "news").queryParam("filter", "member").get("/api/v3/channels")
        .then().body("channels.channelId", contains("a-live"));

    Response first = amity.as(aliceToken).queryParam("sortBy", "displayName").queryParam("options[limit]", 2)
        .get("/api/v3/channels");
    first.then().body("channels.channelId", contains("a-live", "b-news")).body("paging.next", notNullValue());
    amity.as(aliceToken).queryParam("sortBy", "displayName").queryParam("options[limit]", 2)
        .queryParam("options[token]", first.path("paging.next").toString()).get("/api/v3/channels")
        .then().body("channels.channelId", contains("c-bob")).body("paging.next", equalTo(null));

    amity.as(aliceToken).queryParam("channelIds[]", "c-bob").queryParam("channelIds[]", "nope")
        .queryParam("channelIds[]", "a-live").get("/api/v3/channels/list")
        .then().statusCode(200).body("channels.channelId", contains("c-bob", "a-live"));
    amity.as(aliceToken).queryParam("options[limit]", 101).get("/api/v3/channels")
        .then().statusCode(400).body("code", equalTo(400000));
    amity.as(aliceToken).queryParam("options[token]", "garbage").get("/api/v3/channels")
        .then().statusCode(400);
  }

  @Test
  void distinctConversationsAreReusedAndShareTheDirectChatWithAllmine() {
    String carol = amity.newUser(network);
    Response group = amity.as(aliceToken).body(Json.of("userIds", List.of(bob, carol), "displayName", "Trio"))
        .post("/api/v3/channels/conversation");
    group.then().statusCode(200).body("channels[0].type", equalTo("conversation"))
        .body("channelUsers", hasSize(3));
    amity.as(bobToken).body(Json.of("userIds", List.of(alice, carol))).post("/api/v3/channels/conversation")
        .then().body("channels[0].channelId", equalTo(group.path("channels[0].channelId")));
    amity.as(aliceToken).body(Json.of("userIds", List.of(bob, carol), "isDistinct", false))
        .post("/api/v3/channels/conversation")
        .then().body("channels[0].channelId", not(equalTo(group.path("channels[0].channelId"))));

    // Private conversation channels are invisible to outsiders.
    String dave = amity.newUser(network);
    String daveToken = amity.session(network, dave);
    amity.as(daveToken).get("/api/v3/channels/{id}", group.path("channels[0].channelId").toString())
        .then().statusCode(403).body("code", equalTo(400301));

    // Two users, distinct: the direct chat Allmine opens for the same pair.
    String chatId = fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "hi"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    amity.as(bobToken).body(Json.of("userIds", List.of(alice))).post("/api/v3/channels/conversation")
        .then().body("channels[0].channelId", equalTo(chatId)).body("channels[0].messageCount", equalTo(1))
        .body("messagePreviews[0].data.text", equalTo("hi"));
    // And an Amity channel is in its members' Allmine chat list.
    fixtures.as(amity.session(network, carol)).get("/api/v1/chats")
        .then().statusCode(200).body("data.chats._id", hasItem(group.path("channels[0]._id").toString()));
  }

  @Test
  void joinLeaveBanAndModeration() {
    community("club");
    amity.as(bobToken).post("/api/v3/channels/club/join").then().statusCode(200)
        .body("channelUsers[0].membership", equalTo("member")).body("channels[0].memberCount", equalTo(2));
    amity.as(bobToken).body(Json.of("userIds", List.of(alice))).put("/api/v3/channels/club/users/ban")
        .then().statusCode(403).body("code", equalTo(400301));

    Response banned = amity.as(aliceToken).body(Json.of("userIds", List.of(bob))).put("/api/v3/channels/club/users/ban");
    banned.then().statusCode(200).body("channelUsers.find { it.userId == 'bob' }.membership", equalTo("banned"))
        .body("channels[0].memberCount", equalTo(1));
    Response refused = amity.as(bobToken).post("/api/v3/channels/club/join");
    refused.then().statusCode(403).body("code", equalTo(400304));
    WireShape.assertMatches("amity/error.json", refused.asString());
    amity.as(aliceToken).queryParam("filter", "banned").get("/api/v3/channels/club/users")
        .then().statusCode(200).body("channelUsers.userId", contains(bob));

    amity.as(aliceToken).body(Json.of("userIds", List.of(bob))).put("/api/v3/channels/club/users/unban").then().statusCode(200);
    amity.as(aliceToken).body(Json.of("userIds", List.of(bob))).post("/api/v3/channels/club/users")
        .then().statusCode(200).body("channels[0].memberCount", equalTo(2));
    amity.as(aliceToken).body(Json.of("role", "moderator", "userIds", List.of(bob))).post("/api/v3/channels/club/users/roles")
        .then().statusCode(200).body("channelUsers.find { it.userId == 'bob' }.roles", contains("moderator"));
    Response mods = amity.as(bobToken).queryParam("roles[]", "moderator").get("/api/v3/channels/club/users");
    mods.then().statusCode(200).body("channelUsers.userId", contains(bob));
    WireShape.assertMatches("amity/channel-users-page.json", mods.asString());
    amity.as(aliceToken).queryParam("userIds", bob).queryParam("role", "moderator")
        .delete("/api/v3/channels/club/users/roles").then().statusCode(200);
    amity.as(aliceToken).queryParam("userIds", bob).delete("/api/v3/channels/club/users")
        .then().statusCode(200).body("channels[0].memberCount", equalTo(1));
    amity.as(bobToken).delete("/api/v3/channels/club/leave").then().statusCode(403).body("code", equalTo(400301));

    // Every membership change reached the change log.
    String changes = amity.as(aliceToken).queryParam("conversationId", resolveId("club"))
        .get("/realtime/v1/changes").asString();
    assertThat(changes).contains("\"cause\":\"banned\"", "\"cause\":\"removed\"", "member.left", "member.joined");
  }

  private String resolveId(String channelId) {
    return amity.as(aliceToken).get("/api/v3/channels/" + channelId).path("channels[0]._id");
  }

  @Test
  void mutesAndReadMarkers() {
    community("quiet");
    amity.as(bobToken).post("/api/v3/channels/quiet/join").then().statusCode(200);
    fixtures.as(bobToken).body(Json.of("type", "text", "chatId", resolveId("quiet"), "content", "one"))
        .post("/api/v2/messages").then().statusCode(201);

    Response seen = amity.as(aliceToken).body(Json.of("readToSegment", 5)).post("/api/v3/channels/quiet/seen");
    seen.then().statusCode(200).body("channelUsers[0].readToSegment", equalTo(1))
        .body("messagePreviews[0].channelSegment", equalTo(1));
    amity.as(aliceToken).body(Json.of("readToSegment", -1)).post("/api/v3/channels/quiet/seen").then().statusCode(400);

    Response muted = amity.as(aliceToken).body(Json.of("mutePeriod", 60000)).put("/api/v2/channel/quiet/mute");
    muted.then().statusCode(200).body("success", equalTo(true));
    WireShape.assertMatches("amity/success.json", muted.asString());
    amity.as(bobToken).get("/api/v3/channels/quiet").then().body("channels[0].isMuted", equalTo(true))
        .body("channels[0].muteTimeout", notNullValue());
    amity.as(aliceToken).body(Json.of("mutePeriod", 0)).put("/api/v2/channel/quiet/mute").then().statusCode(200);
    amity.as(bobToken).body(Json.of("mutePeriod", 1000)).put("/api/v2/channel/quiet/mute")
        .then().statusCode(403).body("code", equalTo(400301));

    amity.as(aliceToken).body(Json.of("userIds", List.of(bob), "mutePeriod", 60000)).put("/api/v2/channel/quiet/users/mute")
        .then().statusCode(200);
    amity.as(bobToken).get("/api/v3/channels/quiet").then().body("channelUsers[0].isMuted", equalTo(true));
    amity.as(aliceToken).queryParam("filter", "muted").get("/api/v3/channels/quiet/users")
        .then().body("channelUsers.userId", contains(bob));
  }

  @Test
  void updateAndDeleteAreForModerators() {
    community("edit-me");
    amity.as(bobToken).post("/api/v3/channels/edit-me/join");
    amity.as(bobToken).body(Json.of("displayName", "x")).put("/api/v3/channels/edit-me")
        .then().statusCode(403).body("code", equalTo(400301));
    amity.as(aliceToken).body(Json.of("displayName", "Edited", "tags", List.of("t"), "autoDeleteMessageByFlagLimit", 1000,
            "messageAutoDeleteEnabled", true)).put("/api/v3/channels/edit-me")
        .then().statusCode(200).body("channels[0].displayName", equalTo("Edited"))
        .body("channels[0].autoDeleteMessageByFlagLimit", equalTo(1000))
        .body("channels[0].messageAutoDeleteEnabled", equalTo(true));
    Response deleted = amity.as(aliceToken).delete("/api/v3/channels/edit-me");
    deleted.then().statusCode(200);
    WireShape.assertMatches("amity/delete.json", deleted.asString());
    amity.as(bobToken).get("/api/v3/channels/edit-me").then().body("channels[0].isDeleted", equalTo(true));
    amity.as(bobToken).get("/api/v3/channels").then().body("channels.channelId", not(hasItem("edit-me")));
    amity.as(bobToken).queryParam("isDeleted", true).get("/api/v3/channels").then().body("channels.channelId", hasItem("edit-me"));
  }

  @Test
  void limitsAtTheirBoundaries() {
    List<String> tenTags = IntStream.range(0, 10).mapToObj(i -> "t" + i + "x".repeat(97)).toList();
    create(aliceToken, "channelId", "c".repeat(100), "displayName", "d".repeat(100), "tags", tenTags,
        "avatarFileId", "f".repeat(50), "autoDeleteMessageByFlagLimit", 1).then().statusCode(200);
    List<String> elevenTags = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
    Response refused = create(aliceToken, "channelId", "c".repeat(101), "displayName", "d".repeat(101),
        "tags", elevenTags, "avatarFileId", "f".repeat(51), "autoDeleteMessageByFlagLimit", 1001, "type", "community");
    refused.then().statusCode(400).body("code", equalTo(400000))
        .body("data.detail", hasItem("channelId must be between 1 and 100 characters"))
        .body("data.detail", hasItem("displayName must be at most 100 characters"))
        .body("data.detail", hasItem("tags must have at most 10 entries"))
        .body("data.detail", hasItem("avatarFileId must be at most 50 characters"))
        .body("data.detail", hasItem("autoDeleteMessageByFlagLimit must be between 1 and 1000"));
    WireShape.assertMatches("amity/error.json", refused.asString());
    create(aliceToken, "tags", List.of("x".repeat(101))).then().statusCode(400)
        .body("data.detail", hasItem("each tag must be between 1 and 100 characters"));
    create(aliceToken, "type", "conversation").then().statusCode(400);

    List<String> ten = IntStream.range(0, 10).mapToObj(i -> amity.newUser(network)).toList();
    amity.as(aliceToken).body(Json.of("userIds", ten)).post("/api/v3/channels/conversation").then().statusCode(200);
    amity.as(aliceToken).body(Json.of("userIds", Collections.nCopies(11, bob))).post("/api/v3/channels/conversation")
        .then().statusCode(400).body("data.detail", hasItem("userIds must have between 1 and 10 entries"));
    amity.as(aliceToken).body(Json.of("userIds", List.of("nobody-" + bob))).post("/api/v3/channels/conversation")
        .then().statusCode(404).body("code", equalTo(400400));
  }

  @Test
  void anotherNetworksMemberGetsNotFoundForEveryId() {
    community("private-club");
    Network other = amity.network();
    String stranger = amity.session(other, "alice");
    String path = "/api/v3/channels/private-club";
    List<Response> answers = List.of(
        amity.as(stranger).get(path),
        amity.as(stranger).body(Json.of("displayName", "x")).put(path),
        amity.as(stranger).delete(path),
        amity.as(stranger).post(path + "/join"),
        amity.as(stranger).delete(path + "/leave"),
        amity.as(stranger).get(path + "/users"),
        amity.as(stranger).body(Json.of("userIds", List.of("alice"))).post(path + "/users"),
        amity.as(stranger).queryParam("userIds", "alice").delete(path + "/users"),
        amity.as(stranger).body(Json.of("userIds", List.of("alice"))).put(path + "/users/ban"),
        amity.as(stranger).body(Json.of("userIds", List.of("alice"))).put(path + "/users/unban"),
        amity.as(stranger).body(Json.of("role", "moderator", "userIds", List.of("alice"))).post(path + "/users/roles"),
        amity.as(stranger).queryParam("userIds", "alice").queryParam("role", "m").delete(path + "/users/roles"),
        amity.as(stranger).body(Json.of("readToSegment", 1)).post(path + "/seen"),
        amity.as(stranger).body(Json.of("mutePeriod", 1)).put("/api/v2/channel/private-club/mute"),
        amity.as(stranger).body(Json.of("userIds", List.of("alice"), "mutePeriod", 1)).put("/api/v2/channel/private-club/users/mute"));
    for (Response answer : answers) {
      answer.then().statusCode(404).body("code", equalTo(400400));
      WireShape.assertMatches("amity/error.json", answer.asString());
    }
    amity.as(stranger).queryParam("channelIds[]", "private-club").get("/api/v3/channels/list")
        .then().statusCode(200).body("channels", hasSize(0));
    amity.as(stranger).get("/api/v3/channels").then().body("channels", hasSize(0));
  }
}
