package dev.switchboard.api.amity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.message.FlaggerBloomFilter;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amity v3 messages through real HTTP: shapes, limits, idempotency, threads, edits, deletes. */
class AmityMessagesIT extends ApiTestBase {
  private AmityFixtures amity;
  private Network network;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;
  private String channel;

  @BeforeEach
  void channel() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    alice = AmityTestChannels.user(amity, network);
    bob = AmityTestChannels.user(amity, network);
    aliceToken = amity.session(network, alice);
    bobToken = amity.session(network, bob);
    channel = AmityTestChannels.directChannel(fixtures, aliceToken, bob);
  }

  private Response post(String token, Object... fields) {
    return amity.as(token).body(Json.of(fields)).post("/api/v3/messages");
  }

  private Response text(String token, String text, Object... more) {
    Object[] fields = new Object[4 + more.length];
    fields[0] = "channelId";
    fields[1] = channel;
    fields[2] = "data";
    fields[3] = Map.of("text", text);
    System.arraycopy(more, 0, fields, 4, more.length);
    return post(token, fields);
  }

  @Test
  void createAnswersTheSeedShapeAndASegment() {
    Response created = text(aliceToken, "Hello", "messageId", "client-msg-1", "type", "text",
        "tags", List.of("greeting"), "metadata", Map.of("k", "v"),
        "mentionees", List.of(Map.of("type", "user", "userIds", List.of(bob))));

    created.then().statusCode(200)
        .body("messages[0].messageId", equalTo("client-msg-1"))
        .body("messages[0].channelId", equalTo(channel))
        .body("messages[0].userId", equalTo(alice))
        .body("messages[0].data.text", equalTo("Hello"))
        .body("messages[0].channelSegment", equalTo(2)) // the opening Allmine message is 1
        .body("messages[0].tags", contains("greeting"))
        .body("messages[0].metadata.k", equalTo("v"))
        .body("messages[0].mentionees[0].userIds", contains(bob))
        .body("messages[0].isDeleted", equalTo(false))
        .body("users.userId", hasItem(alice));
    WireShape.assertMatches("amity/message.json", created.asString());

    Response fetched = amity.as(bobToken).get("/api/v3/messages/{id}", "client-msg-1");
    fetched.then().statusCode(200).body("messages[0]._id", equalTo(created.path("messages[0]._id")));
    WireShape.assertMatches("amity/message.json", fetched.asString());
  }

  @Test
  void aResentMessageIdReturnsTheFirstMessageEvenUnderConcurrentRetries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Response>> retries = IntStream.range(0, 6)
          .<Callable<Response>>mapToObj(i -> () -> text(aliceToken, "once", "messageId", "retry-1"))
          .toList();
      List<String> ids = pool.invokeAll(retries).stream().map(AmityMessagesIT::idOf).distinct().toList();
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    Response page = amity.as(aliceToken).queryParam("channelId", channel).get("/api/v3/messages");
    page.then().statusCode(200).body("messages.findAll { it.messageId == 'retry-1' }", hasSize(1))
        .body("messages", hasSize(2));

    Response different = text(aliceToken, "another text", "messageId", "retry-1");
    different.then().statusCode(403).body("code", equalTo(400315));
    WireShape.assertMatches("amity/error.json", different.asString());
  }

  private static String idOf(Future<Response> f) {
    try {
      Response r = f.get();
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
      return r.path("messages[0]._id");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void limitsHoldAtTheirBoundaries() {
    List<String> tenTags = IntStream.range(0, 10).mapToObj(i -> "t" + i).toList();
    text(aliceToken, "ok", "tags", tenTags).then().statusCode(200);
    List<String> elevenTags = IntStream.range(0, 11).mapToObj(i -> "t" + i).toList();
    Response tooMany = text(aliceToken, "no", "tags", elevenTags);
    tooMany.then().statusCode(400).body("code", equalTo(400000))
        .body("data.detail", hasItem("tags must have at most 10 items"));
    WireShape.assertMatches("amity/error.json", tooMany.asString());

    text(aliceToken, "ok", "tags", List.of("x".repeat(30))).then().statusCode(200);
    text(aliceToken, "no", "tags", List.of("x".repeat(31))).then().statusCode(400);
    text(aliceToken, "ok", "messageId", "m".repeat(150)).then().statusCode(200);
    text(aliceToken, "no", "messageId", "m".repeat(151)).then().statusCode(400)
        .body("data.detail", hasItem("messageId must be at most 150 characters"));
    text(aliceToken, "x".repeat(20_000)).then().statusCode(200);
    text(aliceToken, "x".repeat(20_001)).then().statusCode(400);
    text(aliceToken, "ok", "fileId", "f".repeat(51)).then().statusCode(400)
        .body("data.detail", hasItem("fileId must be at most 50 characters"));
    var mention = Map.of("type", "user", "userIds", List.of(bob));
    text(aliceToken, "ok", "mentionees", List.of(mention, mention)).then().statusCode(200);
    text(aliceToken, "no", "mentionees", List.of(mention, mention, mention)).then().statusCode(400);
    List<String> thirtyOne = IntStream.range(0, 31).mapToObj(i -> "u" + i).toList();
    text(aliceToken, "no", "mentionees", List.of(Map.of("type", "user", "userIds", thirtyOne)))
        .then().statusCode(400);
    text(aliceToken, "no", "type", "sticker").then().statusCode(400);

    // The 100 KB custom-data boundary is in SendMessageTest: the test server caps bodies at 64 KB.
    String big = "y".repeat(30_000);
    post(aliceToken, "channelId", channel, "type", "custom", "data", Map.of("blob", big, "n", 1))
        .then().statusCode(200).body("messages[0].type", equalTo("custom"))
        .body("messages[0].data.blob", equalTo(big)).body("messages[0].data.n", equalTo(1));
    // Several offending fields are all reported at once.
    Response many = post(aliceToken, "channelId", channel, "type", "text", "data", Map.of("text", " "),
        "tags", elevenTags);
    assertThat(many.<List<String>>path("data.detail")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void repliesCountInTheirParentAndListAsAThread() {
    String parent = text(aliceToken, "question").path("messages[0].messageId");
    text(bobToken, "answer 1", "parentId", parent).then().statusCode(200)
        .body("messages[0].parentId", equalTo(amity.as(aliceToken).get("/api/v3/messages/{id}", parent)
            .path("messages[0]._id")));
    text(aliceToken, "answer 2", "parentId", parent).then().statusCode(200);
    amity.as(bobToken).get("/api/v3/messages/{id}", parent).then()
        .body("messages[0].childrenNumber", equalTo(2));

    amity.as(bobToken).queryParam("channelId", channel).queryParam("parentId", parent)
        .queryParam("filterByParentId", true).get("/api/v3/messages")
        .then().statusCode(200).body("messages.data.text", contains("answer 1", "answer 2"));
    amity.as(bobToken).queryParam("channelId", channel).queryParam("filterByParentId", true)
        .get("/api/v3/messages")
        .then().statusCode(200).body("messages.data.text", contains("hi", "question"));

    String other = AmityTestChannels.directChannel(fixtures, aliceToken, AmityTestChannels.user(amity, network));
    post(aliceToken, "channelId", other, "data", Map.of("text", "wrong thread"), "parentId", parent)
        .then().statusCode(400).body("data.detail", hasItem("parentId must be a message of the same channel"));
  }

  @Test
  void editAndSoftDeleteByAuthorOrModeratorOnly() {
    String id = text(aliceToken, "first draft", "tags", List.of("a")).path("messages[0].messageId");
    Response notMine = amity.as(bobToken).body(Json.of("data", Map.of("text", "hijack")))
        .put("/api/v3/messages/{id}", id);
    notMine.then().statusCode(403).body("code", equalTo(400300));
    WireShape.assertMatches("amity/error.json", notMine.asString());

    Response edited = amity.as(aliceToken)
        .body(Json.of("data", Map.of("text", "final"), "tags", List.of("b", "c")))
        .put("/api/v3/messages/{id}", id);
    edited.then().statusCode(200).body("messages[0].data.text", equalTo("final"))
        .body("messages[0].tags", contains("b", "c"));
    String createdAt = edited.path("messages[0].createdAt");
    String editedAt = edited.path("messages[0].editedAt");
    assertThat(editedAt).isGreaterThanOrEqualTo(createdAt);
    int segment = edited.path("messages[0].channelSegment");

    amity.as(bobToken).delete("/api/v3/messages/{id}", id).then().statusCode(403);
    Response deleted = amity.as(aliceToken).delete("/api/v3/messages/{id}", id);
    deleted.then().statusCode(200).body("data.success", equalTo(true));
    WireShape.assertMatches("amity/delete.json", deleted.asString());
    amity.as(bobToken).get("/api/v3/messages/{id}", id).then().statusCode(200)
        .body("messages[0].isDeleted", equalTo(true))
        .body("messages[0].data.text", nullValue())
        .body("messages[0].channelSegment", equalTo(segment));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("isDeleted", false)
        .get("/api/v3/messages").then().body("messages.messageId", org.hamcrest.Matchers.not(hasItem(id)));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("isDeleted", true)
        .get("/api/v3/messages").then().body("messages.messageId", contains(id));
    amity.as(aliceToken).body(Json.of("data", Map.of("text", "revive")))
        .put("/api/v3/messages/{id}", id).then().statusCode(400);
  }

  @Test
  void segmentPagingWalksBothWaysWithTokens() {
    for (int i = 2; i <= 6; i++) {
      text(aliceToken, "m" + i);
    }
    Response newest = amity.as(aliceToken).queryParam("channelId", channel)
        .queryParam("options[last]", 2).get("/api/v3/messages");
    newest.then().statusCode(200).body("messages.channelSegment", contains(5, 6))
        .body("paging.next", nullValue());
    String prev = newest.path("paging.prev");
    Response older = amity.as(aliceToken).queryParam("channelId", channel)
        .queryParam("options[token]", prev).get("/api/v3/messages");
    older.then().body("messages.channelSegment", contains(3, 4));
    WireShape.assertMatches("amity/messages-page.json", older.asString());
    amity.as(aliceToken).queryParam("channelId", channel)
        .queryParam("options[token]", (String) older.path("paging.next")).get("/api/v3/messages")
        .then().body("messages.channelSegment", contains(5, 6));

    amity.as(aliceToken).queryParam("channelId", channel).queryParam("options[after]", 2)
        .queryParam("options[first]", 2).get("/api/v3/messages")
        .then().body("messages.channelSegment", contains(3, 4));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("options[before]", 3)
        .queryParam("options[last]", 5).get("/api/v3/messages")
        .then().body("messages.channelSegment", contains(1, 2)).body("paging.prev", nullValue());
    Response empty = amity.as(aliceToken).queryParam("channelId", channel)
        .queryParam("options[after]", 99).get("/api/v3/messages");
    WireShape.assertMatches("amity/messages-page-end.json", empty.asString());

    amity.as(aliceToken).queryParam("channelId", channel).queryParam("options[first]", 101)
        .get("/api/v3/messages").then().statusCode(400);
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("options[token]", "bogus!")
        .get("/api/v3/messages").then().statusCode(400);
    amity.as(aliceToken).get("/api/v3/messages").then().statusCode(400)
        .body("data.detail", hasItem("channelId must not be blank"));
  }

  @Test
  void tagFiltersMatchAllAndExcludeAny() {
    text(aliceToken, "ab", "tags", List.of("a", "b"));
    text(aliceToken, "a", "tags", List.of("a"));
    text(aliceToken, "bc", "tags", List.of("b", "c"));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("tags[]", "a", "b")
        .get("/api/v3/messages").then().body("messages.data.text", contains("ab"));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("tags", "b")
        .queryParam("excludeTags[]", "c").get("/api/v3/messages").then().body("messages.data.text", contains("ab"));
    amity.as(aliceToken).queryParam("channelId", channel).queryParam("type", "custom")
        .get("/api/v3/messages").then().body("messages", hasSize(0));
  }

  @Test
  void listByIdsReturnsTheKnownOnes() {
    String one = text(aliceToken, "one").path("messages[0].messageId");
    String two = text(aliceToken, "two", "messageId", "my-two").path("messages[0].messageId");
    amity.as(bobToken).queryParam("messageIds[]", one, two, "64d15f9e2e6c8f4d5a999999")
        .get("/api/v3/messages/list").then().statusCode(200)
        .body("messages.messageId", contains(one, "my-two"));
    amity.as(bobToken).queryParam("messageIds[]", IntStream.range(0, 11).mapToObj(i -> "x" + i).toList())
        .get("/api/v3/messages/list").then().statusCode(400);
  }

  @Test
  void crossDialectBothWays() {
    String chatId = channel;
    text(aliceToken, "from amity");
    fixtures.as(bobToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body("data.messages.content", hasItem("from amity"));
    fixtures.as(bobToken).body(Json.of("type", "text", "chatId", chatId, "content", "from allmine"))
        .post("/api/v2/messages").then().statusCode(201);
    amity.as(aliceToken).queryParam("channelId", channel).get("/api/v3/messages").then()
        .body("messages.data.text", hasItem("from allmine"));
    fixtures.as(aliceToken).get("/api/v1/chats").then().statusCode(200)
        .body("data.chats.lastMessage.content", hasItem("from allmine"));
  }

  @Test
  void everyIdIsUnknownFromAnotherDomainAndCallsNeedAToken() {
    String id = text(aliceToken, "secret").path("messages[0].messageId");
    Network elsewhere = amity.network();
    String stranger = amity.session(elsewhere, AmityTestChannels.user(amity, elsewhere));
    for (Response r : List.of(
        amity.as(stranger).get("/api/v3/messages/{id}", id),
        amity.as(stranger).body("{}").put("/api/v3/messages/{id}", id),
        amity.as(stranger).delete("/api/v3/messages/{id}", id),
        amity.as(stranger).post("/api/v3/messages/{id}/flag", id),
        amity.as(stranger).delete("/api/v3/messages/{id}/unflag", id),
        amity.as(stranger).delete("/api/v3/messages/{id}/clearFlags", id),
        amity.as(stranger).get("/api/v3/messages/{id}/isFlaggedByMe", id),
        amity.as(stranger).queryParam("channelId", channel).get("/api/v3/messages"),
        amity.as(stranger).body(Json.of("channelId", channel, "data", Map.of("text", "x"))).post("/api/v3/messages"),
        amity.as(stranger).body(Json.of("referenceId", id, "referenceType", "message", "reactionName", "like"))
            .post("/api/v2/reactions"),
        amity.as(stranger).queryParam("referenceId", id).queryParam("referenceType", "message")
            .queryParam("reactionName", "like").delete("/api/v2/reactions"),
        amity.as(stranger).queryParam("referenceId", id).queryParam("referenceType", "message")
            .get("/api/v3/reactions"))) {
      r.then().statusCode(404).body("code", equalTo(400400));
      WireShape.assertMatches("amity/error.json", r.asString());
    }
    amity.as(stranger).queryParam("messageIds[]", id).get("/api/v3/messages/list").then()
        .statusCode(200).body("messages", hasSize(0));

    Response anonymous = given().get("/api/v3/messages/{id}", id);
    anonymous.then().statusCode(401).body("code", equalTo(400100));
    WireShape.assertMatches("amity/error.json", anonymous.asString());
    String carol = amity.session(network, AmityTestChannels.user(amity, network));
    Response outsider = amity.as(carol).get("/api/v3/messages/{id}", id);
    outsider.then().statusCode(403);
    WireShape.assertMatches("amity/error.json", outsider.asString());
  }

  @Test
  void bloomFilterInTheAnswerTellsFlaggersApart() {
    String id = text(aliceToken, "flag me").path("messages[0].messageId");
    amity.as(bobToken).post("/api/v3/messages/{id}/flag", id).then().statusCode(200)
        .body("messages[0].flagCount", equalTo(1));
    Response twice = amity.as(bobToken).post("/api/v3/messages/{id}/flag", id);
    twice.then().body("messages[0].flagCount", equalTo(1));
    List<String> hash = twice.path("messages[0].hashFlag.hash");
    int hashes = twice.path("messages[0].hashFlag.hashes");
    int bits = twice.path("messages[0].hashFlag.bits");
    FlaggerBloomFilter client = new FlaggerBloomFilter(bits, hashes,
        hash.stream().mapToInt(Integer::parseInt).toArray());
    assertThat(client.mightContain(bob)).isTrue();
    // The filter is sized for 1 % false positives; the flaggers' ids are random per run, so
    // judge non-members as a crowd (exact answers are in FlaggerBloomFilterTest).
    long falsePositives = java.util.stream.IntStream.range(0, 400)
        .mapToObj(i -> "never-flagged-" + i).filter(client::mightContain).count();
    assertThat(falsePositives).isLessThanOrEqualTo(20);
  }
}
