package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static dev.switchboard.api.netsapiens.NsClient.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat sessions through /ns-api/v2: sending, listing, reading, membership, per-user delete. */
class NetSapiensSessionsIT extends ApiTestBase {
  private NsClient ns;
  private String domain;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void setUp() {
    ns = new NsClient(fixtures);
    domain = ns.domain(null);
    alice = ns.user(domain, "Basic User");
    bob = ns.user(domain, "Basic User");
    aliceToken = ns.token(domain, alice);
    bobToken = ns.token(domain, bob);
  }

  private String sessions(String user) {
    return V2 + "/domains/" + domain + "/users/" + user + "/messagesessions";
  }

  private Response send(String token, String user, String session, String body) {
    return as(token).body(body).post(sessions(user) + "/" + session + "/messages");
  }

  @Test
  void aChatIntoAClientMintedSessionIsAcceptedAndReadableByBothSides() {
    String id = NsClient.sessionId();
    Response accepted = send(aliceToken, "~", id, chat("Hello Bob", bob + "@" + domain));
    accepted.then().statusCode(202).body("code", equalTo(202)).body("message", equalTo("Accepted"));
    WireShape.assertMatches("netsapiens/accepted.json", accepted.asString());
    send(bobToken, bob, id, chat("Hi Alice", alice)).then().statusCode(202);

    Response mine = as(aliceToken).get(sessions("~"));
    mine.then().statusCode(200).body("$", hasSize(1))
        .body("[0].messagesession-id", equalTo(id))
        .body("[0].user", equalTo(alice))
        .body("[0].messagesession-remote", equalTo(bob + "@" + domain))
        .body("[0].messagesession-last-message", equalTo("Hi Alice"))
        .body("[0].messagesession-last-sender", equalTo(bob + "@" + domain))
        .body("[0].messagesession-last-status", equalTo("unread"))
        .body("[0].messagesession-last-type", equalTo("chat"));
    WireShape.assertMatches("netsapiens/messagesessions.json", mine.asString());
    assertThat(mine.jsonPath().getString("[0].messagesession-last-timestamp"))
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    Response messages = as(bobToken).get(sessions(bob) + "/" + id + "/messages");
    messages.then().statusCode(200)
        .body("text", contains("Hi Alice", "Hello Bob"))
        .body("[1].from-user-id", equalTo(alice + "@" + domain))
        .body("[1].terminating-user-id", equalTo(bob + "@" + domain))
        .body("messagesession-id", contains(id, id));
    WireShape.assertMatches("netsapiens/messages.json", messages.asString());

    Response one = as(aliceToken).get(sessions(alice) + "/" + id);
    one.then().statusCode(200).body("$", hasSize(1)).body("[0].messagesession-id", equalTo(id));
    WireShape.assertMatches("netsapiens/messagesessions.json", one.asString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"short_id", "0123456789abcdef0123456789abcde", "has-a-dash-0123456789abcdef0123456789"})
  void newSessionIdsMustBe32CharactersOfLettersDigitsAndUnderscore(String id) {
    Response refused = send(aliceToken, "~", id, chat("hi", bob));
    refused.then().statusCode(400).body("code", equalTo(400));
    WireShape.assertMatches("netsapiens/error.json", refused.asString());
    as(aliceToken).get(sessions("~")).then().body("$", hasSize(0));
  }

  @Test
  void startSessionMakesAnIdAndReusesTheDirectChat() {
    String location =
        as(aliceToken).body(chat("first", bob)).post(V2 + "/domains/~/users/~/messages")
            .then().statusCode(202).body("code", equalTo(202)).extract().header("Location");
    as(aliceToken).body(chat("second", bob)).post(V2 + "/domains/~/users/~/messages")
        .then().statusCode(202);
    String id = location.substring(location.lastIndexOf('/') + 1);
    as(aliceToken).get(sessions("~")).then().body("$", hasSize(1))
        .body("[0].messagesession-id", equalTo(id));
    as(aliceToken).get(sessions("~") + "/" + id + "/messages")
        .then().body("text", contains("second", "first"));
  }

  @Test
  void messagesAreNewestFirstWithLimitAndStart() {
    String id = NsClient.sessionId();
    for (int i = 1; i <= 5; i++) {
      send(aliceToken, "~", id, chat("m" + i, bob)).then().statusCode(202);
    }
    String path = sessions("~") + "/" + id + "/messages";
    as(aliceToken).get(path).then().body("text", contains("m5", "m4", "m3", "m2", "m1"));
    as(aliceToken).queryParam("limit", 2).get(path).then().body("text", contains("m5", "m4"));
    as(aliceToken).queryParam("limit", 2).queryParam("start", 3).get(path)
        .then().body("text", contains("m3", "m2"));
    as(aliceToken).queryParam("limit", 0).get(path).then().statusCode(400);
    as(aliceToken).queryParam("limit", 1001).get(path).then().statusCode(400);
    as(aliceToken).queryParam("limit", 1000).get(path).then().statusCode(200);
  }

  @Test
  void groupChatParticipantsNameLeaveAndDelete() {
    String carol = ns.user(domain, "Basic User");
    String id = NsClient.sessionId();
    send(aliceToken, "~", id, chat("hello all", List.of(bob, carol + "@" + domain)))
        .then().statusCode(202);
    as(aliceToken).get(sessions("~") + "/" + id).then()
        .body("[0].messagesession-type", equalTo("group-chat"));

    String dave = ns.user(domain, "Basic User");
    as(aliceToken).body(Json.of("participants", String.join(",", alice, bob, dave + "@" + domain)))
        .put(sessions("~") + "/" + id).then().statusCode(202);
    as(aliceToken).body(Json.of("session-name", "Team")).put(sessions("~") + "/" + id)
        .then().statusCode(202);
    Response session = as(aliceToken).get(sessions("~") + "/" + id);
    session.then().body("[0].messagesession-name", equalTo("Team"));
    assertThat(session.jsonPath().getString("[0].messagesession-participants").split(","))
        .containsExactlyInAnyOrder(alice + "@" + domain, bob + "@" + domain, dave + "@" + domain);
    as(ns.token(domain, carol)).get(sessions("~") + "/" + id).then().statusCode(403);

    as(bobToken).put(sessions("~") + "/" + id + "/leave").then().statusCode(202);
    as(bobToken).get(sessions("~")).then().body("$", hasSize(0));

    as(aliceToken).delete(sessions("~") + "/" + id).then().statusCode(202);
    as(aliceToken).get(sessions("~")).then().body("$", hasSize(0));
    as(aliceToken).get(sessions("~") + "/" + id).then().statusCode(404);
    String daveToken = ns.token(domain, dave);
    as(daveToken).get(sessions("~")).then().body("$", hasSize(1));

    send(daveToken, "~", id, chat("anyone?", alice)).then().statusCode(202);
    as(aliceToken).get(sessions("~") + "/" + id + "/messages")
        .then().body("text", contains("anyone?"));
  }

  @Test
  void aChatSentHereIsInTheAllmineChatListAndViceVersa() {
    String id = NsClient.sessionId();
    send(aliceToken, "~", id, chat("from NetSapiens", bob)).then().statusCode(202);

    String chatId = fixtures.as(bobToken).get("/api/v1/chats").then().statusCode(200)
        .body("data.chats", hasSize(1))
        .extract().path("data.chats[0]._id");
    fixtures.as(bobToken).get("/api/v1/messages/chat/{id}", chatId).then().statusCode(200)
        .body("data.messages[0].content", equalTo("from NetSapiens"));

    fixtures.as(bobToken)
        .body(Json.of("type", "text", "chatId", chatId, "content", "from Allmine"))
        .post("/api/v2/messages").then().statusCode(201);
    as(aliceToken).get(sessions("~") + "/" + id + "/messages")
        .then().body("text", contains("from Allmine", "from NetSapiens"));
    as(aliceToken).get(sessions("~") + "/" + chatId + "/messages")
        .then().statusCode(200).body("text", contains("from Allmine", "from NetSapiens"));
  }

  @Test
  void mediaChatStoresTheBytesThroughTheFileModule() throws Exception {
    var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    byte[] bytes = png.toByteArray();
    String data = java.util.Base64.getEncoder().encodeToString(bytes);
    String id = NsClient.sessionId();
    send(aliceToken, "~", id, Json.of("type", "chat-media", "message", "media", "destination", bob,
        "data", data, "mime-type", "image/png", "size", bytes.length)).then().statusCode(202);
    send(aliceToken, "~", id, Json.of("type", "chat-media", "message", "media", "destination", bob,
        "data", data, "mime-type", "image/png", "size", bytes.length + 1)).then().statusCode(400);
    send(aliceToken, "~", id, Json.of("type", "chat-media", "message", "no data",
        "destination", bob)).then().statusCode(400);

    as(bobToken).get(sessions("~") + "/" + id + "/messages").then().statusCode(200)
        .body("$", hasSize(1))
        .body("[0].type", equalTo("chat-media"))
        .body("[0].media-type", equalTo("image/png"))
        .body("[0].media-size", equalTo(bytes.length));
    as(bobToken).get(sessions("~")).then()
        .body("[0].messagesession-last-type", equalTo("chat-media"))
        .body("[0].messagesession-last-media-type", equalTo("image/png"));
    String chatId = fixtures.as(bobToken).get("/api/v1/chats").then()
        .extract().path("data.chats[0]._id");
    fixtures.as(bobToken).get("/api/v1/messages/chat/{id}", chatId).then()
        .body("data.messages[0].type", equalTo("image"));
  }

  @Test
  void smsWithoutACarrierIsRefusedWithAClear4xx() {
    String manager = ns.user(domain, "Office Manager");
    as(ns.token(domain, manager))
        .body(Json.of("number", "15550001111", "application", "user", "dest", alice))
        .post(V2 + "/domains/~/smsnumbers").then().statusCode(202);
    Response refused = send(aliceToken, "~", NsClient.sessionId(),
        Json.of("type", "sms", "message", "hi", "destination", "18585551234",
            "from-number", "15550001111"));
    refused.then().statusCode(409).body("message", equalTo("SMS is not available: no SMS carrier is configured"));
    as(aliceToken).get(sessions("~")).then().body("$", hasSize(0));
  }
}
