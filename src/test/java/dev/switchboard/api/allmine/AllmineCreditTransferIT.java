package dev.switchboard.api.allmine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AllmineCreditTransferIT extends ApiTestBase {
  private String domain;
  private String alice;
  private String bob;
  private String aliceToken;

  @BeforeEach
  void users() {
    domain = fixtures.domain();
    alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    aliceToken = fixtures.token(domain, alice);
    fixtures.credit(domain, alice, 100);
    fixtures.credit(domain, bob, 100);
  }

  private Response transfer(String rawJson) {
    return fixtures.as(aliceToken).body(rawJson).post("/api/v1/messages/credit-transfer");
  }

  @Test
  void moneyMovesAndTheChatShowsACreditTransferMessage() {
    Response response = transfer("{\"recipientId\":\"" + bob + "\",\"amount\":25}");
    response.then().statusCode(201)
        .body("data.senderId", equalTo(alice)).body("data.recipientId", equalTo(bob))
        .body("data.transferredAmount", equalTo(25))
        .body("data.senderBalance", equalTo(75)).body("data.recipientBalance", equalTo(125));
    WireShape.assertMatches("allmine/credit-transfer.json", response.asString());
    assertThat(fixtures.balance(domain, alice)).isEqualTo(75);
    assertThat(fixtures.balance(domain, bob)).isEqualTo(125);

    Response chats = fixtures.as(aliceToken).get("/api/v1/chats");
    String chatId = chats.path("data.chats[0]._id");
    Response history = fixtures.as(fixtures.token(domain, bob)).get("/api/v1/messages/chat/{id}", chatId);
    history.then().statusCode(200)
        .body("data.messages[0].type", equalTo("credit_transfer"))
        .body("data.messages[0].content", equalTo("Sent 25 credits"))
        .body("data.messages[0].senderId", equalTo(alice))
        .body("data.messages[0].creditTransfer.amount", equalTo(25))
        .body("data.messages[0].creditTransfer.recipientId", equalTo(bob))
        .body("data.messages[0].creditTransfer.senderId", equalTo(alice));
    Map<String, Object> message = history.path("data.messages[0]");
    WireShape.assertMatches(
        "allmine/message-credit-transfer.json", dev.switchboard.support.Json.of(message));
  }

  @Test
  void amountMustBeAPositiveJsonInteger() {
    for (String amount : List.of("0", "-5", "2.5", "25.0", "\"25\"", "null", "true", "[]", "1e3")) {
      transfer("{\"recipientId\":\"" + bob + "\",\"amount\":" + amount + "}")
          .then().statusCode(400)
          .body("errors[0]", equalTo("Validation failed"))
          .body("errors", hasItem("amount must be a positive integer"));
    }
    transfer("{\"recipientId\":\"" + bob + "\"}").then().statusCode(400);
    transfer("{\"amount\":5}").then().statusCode(400).body("errors", hasItem("recipientId must not be blank"));
    assertThat(fixtures.balance(domain, alice)).isEqualTo(100);
  }

  @Test
  void refusedTransfersChangeNothing() {
    transfer("{\"recipientId\":\"" + alice + "\",\"amount\":5}")
        .then().statusCode(400).body("errors", hasItem("recipientId must be another user"));
    Response unknown = transfer("{\"recipientId\":\"nobody-at-all\",\"amount\":5}");
    unknown.then().statusCode(404);
    WireShape.assertMatches("allmine/error-404.json", unknown.asString());

    Response tooMuch = transfer("{\"recipientId\":\"" + bob + "\",\"amount\":101}");
    tooMuch.then().statusCode(409)
        .body("errors[0]", equalTo("Resource already exists or cannot be changed in its current state"));
    assertThat(fixtures.balance(domain, alice)).isEqualTo(100);
    assertThat(fixtures.balance(domain, bob)).isEqualTo(100);
    fixtures.as(aliceToken).get("/api/v1/chats").then().body("data.total", equalTo(0));
  }

  @Test
  void anIdempotencyKeyReturnsTheFirstResultAndMovesNothingMore() {
    String body = "{\"recipientId\":\"" + bob + "\",\"amount\":10}";
    Response first = fixtures.as(aliceToken).header("Idempotency-Key", "pay-1").body(body)
        .post("/api/v1/messages/credit-transfer");
    Response retry = fixtures.as(aliceToken).header("Idempotency-Key", "pay-1").body(body)
        .post("/api/v1/messages/credit-transfer");
    first.then().statusCode(201).body("data.senderBalance", equalTo(90));
    retry.then().statusCode(201).body("data.senderBalance", equalTo(90)).body("data.recipientBalance", equalTo(110));
    assertThat(fixtures.balance(domain, alice)).isEqualTo(90);

    fixtures.as(aliceToken).header("Idempotency-Key", "pay-1")
        .body("{\"recipientId\":\"" + bob + "\",\"amount\":11}").post("/api/v1/messages/credit-transfer")
        .then().statusCode(409);
    String chatId = fixtures.as(aliceToken).get("/api/v1/chats").path("data.chats[0]._id");
    fixtures.as(aliceToken).get("/api/v1/messages/chat/{id}", chatId).then().body("data.total", equalTo(1));
  }
}
