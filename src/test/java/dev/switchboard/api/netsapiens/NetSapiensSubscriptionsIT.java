package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static dev.switchboard.api.netsapiens.NsClient.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WebhookReceiver;
import dev.switchboard.webhook.WebhookSignature;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NetSapiens event subscriptions (every operation of the document's subscription section for
 * the message and messagesession models) and what they post, through the running server.
 */
class NetSapiensSubscriptionsIT extends ApiTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

  private NsClient ns;
  private String domain;
  private String manager;
  private String alice;
  private String bob;

  @BeforeEach
  void setUp() {
    ns = new NsClient(fixtures);
    domain = ns.domain(null);
    manager = ns.token(domain, ns.user(domain, "Office Manager"));
    alice = ns.user(domain, "Basic User");
    bob = ns.user(domain, "Basic User");
  }

  private String subs() {
    return V2 + "/domains/" + domain + "/subscriptions";
  }

  private Response subscribe(String token, Object body) {
    return as(token).body(body).post(subs());
  }

  @Test
  void aManagerCreatesReadsChangesAndDeletesSubscriptions() {
    String url = "https://hooks.example.com/" + domain;
    Response created = subscribe(manager, Json.of("model", "message", "post-url", url));
    created.then().statusCode(200)
        .body("model", equalTo("message")).body("post-url", equalTo(url))
        .body("domain", equalTo(domain)).body("user", equalTo("*"))
        .body("status", equalTo("active")).body("error-count", equalTo(0))
        .body("posts-count", equalTo(0)).body("user-scope", equalTo("Office Manager"))
        .body("subscription-creation-datetime", matchesPattern(STAMP))
        .body("subscription-expires-datetime", matchesPattern(STAMP))
        .body("signing-secret", startsWith("whsec_"));
    String id = created.path("id");
    String expires = created.path("subscription-expires-datetime");
    String createdAt = created.path("subscription-creation-datetime");
    assertThat(Integer.parseInt(expires.substring(0, 4)))
        .isEqualTo(Integer.parseInt(createdAt.substring(0, 4)) + 20);

    subscribe(manager, Json.of("model", "message", "post-url", url)).then().statusCode(409)
        .body("code", equalTo(409));
    subscribe(manager, Json.of("model", "messagesession", "post-url", url)).then().statusCode(200);
    for (Object bad : new Object[] {Json.of("model", "call", "post-url", url + "/c"),
        Json.of("model", "telepathy", "post-url", url + "/t"), Json.of("post-url", url + "/m"),
        Json.of("model", "message"), Json.of("model", "message", "post-url", "gopher://x"),
        Json.of("model", "message", "post-url", url + "/e",
            "subscription-expires-datetime", "someday"),
        Json.of("model", "message", "post-url", url + "/u", "user", "nobody-" + domain)}) {
      Response refused = subscribe(manager, bad);
      assertThat(refused.statusCode()).as(bad.toString()).isIn(400, 404);
      refused.then().body("code", equalTo(refused.statusCode()));
    }

    as(manager).get(subs()).then().statusCode(200).body("$", hasSize(2))
        .body("[0]", not(hasKey("signing-secret")));
    as(manager).get(V2 + "/subscriptions").then().statusCode(200).body("id", hasItem(id));
    as(manager).get(V2 + "/subscriptions/" + id).then().statusCode(200)
        .body("post-url", equalTo(url));
    as(manager).body(Json.of("post-url", url + "/moved", "subscription-expires-datetime",
            "2040-01-02 03:04:05")).put(V2 + "/subscriptions/" + id)
        .then().statusCode(202).body("code", equalTo(202));
    as(manager).get(V2 + "/subscriptions/" + id).then()
        .body("post-url", equalTo(url + "/moved"))
        .body("subscription-expires-datetime", equalTo("2040-01-02 03:04:05"));
    as(manager).body(Json.of("model", "messagesession")).put(subs() + "/" + id)
        .then().statusCode(400);
    as(manager).body(Json.of("status", "active")).put(subs() + "/" + id).then().statusCode(202);
    as(manager).delete(subs() + "/" + id).then().statusCode(202);
    as(manager).get(V2 + "/subscriptions/" + id).then().statusCode(404);
    as(manager).delete(V2 + "/subscriptions/" + id).then().statusCode(404);
  }

  @Test
  void scopesDecideWhoSubscribesForWhom() {
    String aliceToken = ns.token(domain, alice);
    String bobToken = ns.token(domain, bob);
    String url = "https://hooks.example.com/scopes/" + domain;
    subscribe(aliceToken, Json.of("model", "message", "post-url", url)).then().statusCode(403);
    subscribe(aliceToken, Json.of("model", "message", "post-url", url, "user", bob))
        .then().statusCode(403);
    String mine = subscribe(aliceToken, Json.of("model", "message", "post-url", url, "user", alice))
        .then().statusCode(200).body("user", equalTo(alice)).extract().path("id");
    as(aliceToken).get(subs()).then().statusCode(200).body("id", hasItem(mine));
    as(bobToken).get(subs()).then().statusCode(200).body("$", hasSize(0));
    as(bobToken).get(V2 + "/subscriptions/" + mine).then().statusCode(404);
    as(bobToken).delete(V2 + "/subscriptions/" + mine).then().statusCode(404);
    as(manager).get(V2 + "/subscriptions/" + mine).then().statusCode(200);

    String elsewhere = ns.domain(null);
    String stranger = ns.token(elsewhere, ns.user(elsewhere, "Office Manager"));
    subscribe(stranger, Json.of("model", "message", "post-url", url + "/x")).then().statusCode(403);
    as(stranger).get(subs()).then().statusCode(403);
    as(stranger).get(V2 + "/subscriptions/" + mine).then().statusCode(404);
    as(manager).body(Json.of("model", "message", "post-url", url, "domain", "*"))
        .post(V2 + "/subscriptions").then().statusCode(403);

    String root = ns.token(elsewhere, ns.user(elsewhere, "Super User"));
    as(root).get(V2 + "/subscriptions").then().statusCode(200).body("id", hasItem(mine));
    as(root).get(V2 + "/subscriptions/" + mine).then().statusCode(200)
        .body("domain", equalTo(domain));
    as(root).body(Json.of("model", "message", "post-url", url, "domain", "*"))
        .post(V2 + "/subscriptions").then().statusCode(400);
    as(aliceToken).delete(V2 + "/subscriptions/" + mine).then().statusCode(202);
  }

  @Test
  void messagesAndSessionsArePostedAsTheRestApiShowsThem() throws Exception {
    try (WebhookReceiver messages = new WebhookReceiver();
        WebhookReceiver sessions = new WebhookReceiver()) {
      String secret = subscribe(manager, Json.of("model", "message", "post-url", messages.url(),
          "user", bob)).then().statusCode(200).extract().path("signing-secret");
      subscribe(manager, Json.of("model", "messagesession", "post-url", sessions.url()))
          .then().statusCode(200);
      String aliceToken = ns.token(domain, alice);
      String session = NsClient.sessionId();
      as(aliceToken).body(chat("Hello Bob", bob + "@" + domain))
          .post(V2 + "/domains/~/users/~/messagesessions/" + session + "/messages")
          .then().statusCode(202);

      await().atMost(Duration.ofSeconds(20)).until(() -> !messages.accepted().isEmpty()
          && !sessions.accepted().isEmpty());
      WebhookReceiver.Post post = messages.accepted().getFirst();
      assertThat(WebhookSignature.verify(secret, post.id(), Long.parseLong(post.timestamp()),
          post.body(), post.signature())).isTrue();
      JsonNode posted = JSON.readTree(post.body());
      assertThat(posted.isArray()).isTrue();
      JsonNode message = posted.get(0);
      // Bob's view, as GET …/messagesessions/{id}/messages answers it.
      JsonNode rest = JSON.readTree(as(ns.token(domain, bob))
          .get(V2 + "/domains/" + domain + "/users/" + bob + "/messagesessions/" + session
              + "/messages").then().statusCode(200).extract().asString()).get(0);
      assertThat(message).isEqualTo(rest);
      assertThat(message.get("text").asString()).isEqualTo("Hello Bob");
      assertThat(message.get("messagesession-id").asString()).isEqualTo(session);

      JsonNode sessionPost = JSON.readTree(sessions.accepted().getLast().body()).get(0);
      assertThat(sessionPost.get("messagesession-id").asString()).isEqualTo(session);
      assertThat(sessionPost.has("messagesession-last-message")).isTrue();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(manager).get(subs()).then()
          .body("find { it.model == 'message' }.'posts-count'", equalTo(1)));
    }
  }
}
