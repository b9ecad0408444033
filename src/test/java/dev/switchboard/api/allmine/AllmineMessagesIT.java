package dev.switchboard.api.allmine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllmineMessagesIT extends ApiTestBase {
  private String domain;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void users() {
    domain = fixtures.domain();
    alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    aliceToken = fixtures.token(domain, alice);
    bobToken = fixtures.token(domain, bob);
  }

  private Response send(String token, String path, Object... fields) {
    return fixtures.as(token).body(Json.of(fields)).post(path);
  }

  @Test
  void sendingToAUserOpensTheirDirectChatAndAnswersTheSeedShape() {
    Response response = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "Hello there!");

    response.then().statusCode(201)
        .body("isSuccess", equalTo(true))
        .body("statusCode", equalTo(201))
        .body("data._id", matchesPattern("[0-9a-f]{24}"))
        .body("data.senderId", equalTo(alice))
        .body("data.type", equalTo("text"))
        .body("data.content", equalTo("Hello there!"))
        .body("data.createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
        .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    WireShape.assertMatches("allmine/message-text.json", response.asString());

    String chatId = response.path("data.chatId");
    Response again = send(aliceToken, "/api/v1/messages", "type", "text", "targetUserId", bob, "content", "second");
    again.then().statusCode(201).body("data.chatId", equalTo(chatId));
    send(bobToken, "/api/v2/messages", "type", "text", "targetUserId", alice, "content", "reply")
        .then().statusCode(201).body("data.chatId", equalTo(chatId));
  }

  @Test
  void sendingByChatIdRequiresMembershipAndAgreementWithTargetUser() {
    String chatId = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "hi")
        .then().statusCode(201).extract().path("data.chatId");

    send(bobToken, "/api/v2/messages", "type", "text", "chatId", chatId, "content", "by id")
        .then().statusCode(201).body("data.chatId", equalTo(chatId));
    send(bobToken, "/api/v2/messages", "type", "text", "chatId", chatId, "targetUserId", alice, "content", "both agree")
        .then().statusCode(201);

    String carol = fixtures.user(domain);
    Response inconsistent = send(aliceToken, "/api/v2/messages", "type", "text", "chatId", chatId, "targetUserId", carol, "content", "x");
    inconsistent.then().statusCode(400).body("errors[0]", equalTo("Validation failed"));
    WireShape.assertMatches("allmine/error-400.json", inconsistent.asString());

    Response outsider = send(fixtures.token(domain, carol), "/api/v2/messages", "type", "text", "chatId", chatId, "content", "let me in");
    outsider.then().statusCode(403).body("errors[0]", equalTo("Insufficient permissions"));
    WireShape.assertMatches("allmine/error-403.json", outsider.asString());
  }

  @Test
  void theSeedCurlExampleAnswersNotFoundForItsUnknownChat() {
    String seedBody = """
        { "type": "text", "chatId": "64d15f9e2e6c8f4d5a123456", "targetUserId": "64d15f9e2e6c8f4d5a654321", "content": "Hello there!", "file": "profile-photo.jpg" }""";

    Response withToken = given().header("Authorization", "Bearer " + aliceToken)
        .contentType(ContentType.JSON).body(seedBody).post("/api/v2/messages");
    withToken.then().statusCode(404)
        .body("isSuccess", equalTo(false)).body("data", equalTo(null))
        .body("errors[0]", equalTo("Resource not found"));
    WireShape.assertMatches("allmine/error-404.json", withToken.asString());

    // Verbatim as printed in the seed, i.e. without the Authorization header it documents.
    Response verbatim = given().contentType(ContentType.JSON).body(seedBody).post("/api/v2/messages");
    verbatim.then().statusCode(401).body("errors", contains("Authentication required"))
        .header("WWW-Authenticate", "Bearer");
    WireShape.assertMatches("allmine/error-401.json", verbatim.asString());
  }

  @Test
  void theDocumentedBareTokenWithoutBearerPrefixIsAccepted() {
    given().header("Authorization", aliceToken).contentType(ContentType.JSON)
        .body(Json.of("type", "text", "targetUserId", bob, "content", "bare token"))
        .post("/api/v2/messages").then().statusCode(201);
  }

  @Test
  void invalidTokensAreRefused() {
    for (String header : new String[] {"Bearer", "Bearer not.a.jwt", "Bearer " + aliceToken + "x"}) {
      given().header("Authorization", header).get("/api/v1/chats").then().statusCode(401)
          .body("errors[0]", equalTo("Authentication required"));
    }
  }

  @Test
  void validationNamesEveryOffendingField() {
    send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "  ")
        .then().statusCode(400).body("errors", contains("Validation failed", "content must not be blank"));
    send(aliceToken, "/api/v2/messages", "content", "no target")
        .then().statusCode(400)
        .body("errors", hasItem("chatId or targetUserId must be given"))
        .body("errors", hasItem("type must not be blank"));
    send(aliceToken, "/api/v2/messages", "type", "sticker", "targetUserId", bob, "content", "x")
        .then().statusCode(400).body("errors", hasItem("type must be one of text, image, video, audio, file"));
    send(aliceToken, "/api/v2/messages", "type", "image", "targetUserId", bob, "content", "x")
        .then().statusCode(400).body("errors[1]", equalTo("type image needs a file"));
    send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "x".repeat(20_001))
        .then().statusCode(400).body("errors", hasItem("content must be at most 20000 characters"));
    send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "x".repeat(20_000))
        .then().statusCode(201);
    send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", alice, "content", "me")
        .then().statusCode(400).body("errors", hasItem("targetUserId must be another user"));
    send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", "nobody-here", "content", "x")
        .then().statusCode(404);
  }

  @Test
  void anIdempotencyKeyMakesARetryReturnTheFirstMessage() {
    Response first = fixtures.as(aliceToken).header("Idempotency-Key", "retry-1")
        .body(Json.of("type", "text", "targetUserId", bob, "content", "once")).post("/api/v2/messages");
    Response retry = fixtures.as(aliceToken).header("Idempotency-Key", "retry-1")
        .body(Json.of("type", "text", "targetUserId", bob, "content", "once")).post("/api/v2/messages");
    first.then().statusCode(201);
    retry.then().statusCode(201).body("data._id", equalTo(first.path("data._id")));

    String chatId = first.path("data.chatId");
    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body("data.total", equalTo(1)).body("data.messages.size()", equalTo(1));

    fixtures.as(aliceToken).header("Idempotency-Key", "retry-1")
        .body(Json.of("type", "text", "targetUserId", bob, "content", "different")).post("/api/v2/messages")
        .then().statusCode(409);
  }

  @Test
  void historyIsNewestFirstPagedWithParticipantsAndTotal() {
    String chatId = null;
    for (int i = 1; i <= 5; i++) {
      chatId = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "m" + i)
          .then().statusCode(201).extract().path("data.chatId");
    }
    Response page1 = fixtures.as(bobToken).queryParam("limit", 2).get("/api/v1/messages/chat/{id}", chatId);
    page1.then().statusCode(200)
        .body("data.messages.content", contains("m5", "m4"))
        .body("data.page", equalTo(1)).body("data.limit", equalTo(2)).body("data.total", equalTo(5))
        .body("data.participants._id", containsInAnyOrder(alice, bob))
        .body("data.participants.username", containsInAnyOrder("User " + alice, "User " + bob));
    WireShape.assertMatches("allmine/chat-messages.json", page1.asString());

    fixtures.as(bobToken).queryParam("page", 3).queryParam("limit", 2).get("/api/v1/messages/chat/{id}", chatId)
        .then().statusCode(200).body("data.messages.content", contains("m1"));
    fixtures.as(bobToken).queryParam("page", 4).queryParam("limit", 2).get("/api/v1/messages/chat/{id}", chatId)
        .then().statusCode(200).body("data.messages", emptyIterable());

    for (String bad : new String[] {"0", "101", "abc"}) {
      fixtures.as(bobToken).queryParam("limit", bad).get("/api/v1/messages/chat/{id}", chatId)
          .then().statusCode(400).body("errors[0]", equalTo("Validation failed"));
    }
    fixtures.as(bobToken).queryParam("page", 0).get("/api/v1/messages/chat/{id}", chatId)
        .then().statusCode(400).body("errors", hasItem("page must be at least 1"));
  }

  /** Profiles are cached for showing; a rename on this node shows at once all the same. */
  @Test
  void aRenamedUserShowsByHisNewNameAtOnceAlthoughProfilesAreCached() {
    String chatId = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "hi")
        .then().statusCode(201).extract().path("data.chatId");
    String bobsName = "data.participants.find { it._id == '" + bob + "' }.username";
    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body(bobsName, equalTo("User " + bob));
    double hits = profileCacheHits();
    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body(bobsName, equalTo("User " + bob));
    assertThat(profileCacheHits()).as("the second page's participants came from the cache")
        .isGreaterThanOrEqualTo(hits + 2);

    fixtures.admin().body(Json.of("displayName", "Robert"))
        .patch("/admin/v1/domains/{d}/users/{u}", domain, bob).then().statusCode(200);

    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body(bobsName, equalTo("Robert"));
    fixtures.as(aliceToken).get("/api/v1/chats").then().statusCode(200)
        .body("data.chats[0].participants.find { it._id == '" + bob + "' }.username", equalTo("Robert"));
  }

  private static double profileCacheHits() {
    String text = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"user-profiles\"")
            && line.contains("result=\"hit\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void historyIsForMembersOnlyAndUnknownChatsAreNotFound() {
    String chatId = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "private")
        .then().statusCode(201).extract().path("data.chatId");
    String carolToken = fixtures.token(domain, fixtures.user(domain));
    fixtures.as(carolToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(403);
    fixtures.as(carolToken).get("/api/v1/messages/chat/{id}", "64d15f9e2e6c8f4d5a123456").then().statusCode(404);
  }

  @Test
  void readReceiptsFollowTheReadersCursor() {
    String chatId = null;
    for (String text : new String[] {"one", "two"}) {
      chatId = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", text)
          .then().statusCode(201).extract().path("data.chatId");
    }
    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then()
        .body("data.messages[0].readBy", emptyIterable()).body("data.messages[1].readBy", emptyIterable());
    fixtures.as(bobToken).get("/api/v1/chats").then().body("data.chats[0].unreadCount", equalTo(2));

    fixtures.as(bobToken).post("/api/v1/messages/chat/{id}/read", chatId).then().statusCode(200)
        .body("data.chatId", equalTo(chatId)).body("data.unreadCount", equalTo(0));

    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then()
        .body("data.messages[0].readBy", contains(bob)).body("data.messages[1].readBy", contains(bob));
    fixtures.as(bobToken).get("/api/v1/chats").then().body("data.chats[0].unreadCount", equalTo(0));

    send(aliceToken, "/api/v2/messages", "type", "text", "chatId", chatId, "content", "three")
        .then().body("data.readBy", emptyIterable());
    fixtures.as(bobToken).get("/api/v1/chats").then().body("data.chats[0].unreadCount", equalTo(1));
    // His own messages never count as unread for the sender.
    fixtures.as(aliceToken).get("/api/v1/chats").then().body("data.chats[0].unreadCount", equalTo(0));

    String carolToken = fixtures.token(domain, fixtures.user(domain));
    fixtures.as(carolToken).post("/api/v1/messages/chat/{id}/read", chatId).then().statusCode(403);
  }

  @Test
  void chatListIsMostRecentFirstWithLastMessage() {
    String carol = fixtures.user(domain);
    String withBob = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", bob, "content", "to bob")
        .then().extract().path("data.chatId");
    String withCarol = send(aliceToken, "/api/v2/messages", "type", "text", "targetUserId", carol, "content", "to carol")
        .then().extract().path("data.chatId");

    fixtures.as(aliceToken).get("/api/v1/chats").then().statusCode(200)
        .body("data.chats._id", contains(withCarol, withBob))
        .body("data.chats[0].lastMessage.content", equalTo("to carol"))
        .body("data.chats[0].type", equalTo("direct"))
        .body("data.total", equalTo(2));

    send(bobToken, "/api/v2/messages", "type", "text", "targetUserId", alice, "content", "bob again");
    Response list = fixtures.as(aliceToken).queryParam("limit", 1).get("/api/v1/chats");
    list.then().body("data.chats._id", contains(withBob))
        .body("data.chats[0].lastMessage.senderId", equalTo(bob))
        .body("data.chats[0].unreadCount", equalTo(1))
        .body("data.total", equalTo(2));
    assertThat(list.jsonPath().getList("data.chats[0].participants._id")).containsExactlyInAnyOrder(alice, bob);
  }
}
