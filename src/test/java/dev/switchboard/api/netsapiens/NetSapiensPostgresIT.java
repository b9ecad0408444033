package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static dev.switchboard.api.netsapiens.NsClient.chat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.PostgresApiTestBase;
import org.junit.jupiter.api.Test;

/** The NetSapiens sessions and scope rules on real PostgreSQL. */
class NetSapiensPostgresIT extends PostgresApiTestBase {
  @Test
  void sessionsScopesAndPerUserDeleteOnPostgres() {
    NsClient ns = new NsClient(fixtures);
    String reseller = Fixtures.unique("res");
    String domain = ns.domain(reseller);
    String sibling = ns.domain(reseller);
    String alice = ns.user(domain, "Basic User");
    String bob = ns.user(domain, "Basic User");
    String aliceToken = ns.token(domain, alice);
    String bobToken = ns.token(domain, bob);
    String id = NsClient.sessionId();
    String path = V2 + "/domains/~/users/~/messagesessions/" + id;

    as(aliceToken).body(chat("one", bob)).post(path + "/messages").then().statusCode(202);
    as(bobToken).body(chat("two", alice)).post(path + "/messages").then().statusCode(202);
    as(aliceToken).queryParam("limit", 1).get(path + "/messages").then().body("text", contains("two"));
    as(aliceToken).get(V2 + "/domains/~/users/~/messagesessions").then()
        .body("$", hasSize(1)).body("[0].messagesession-last-status", equalTo("unread"));
    as(aliceToken).body(chat("x", bob)).post(V2 + "/domains/~/users/~/messagesessions/short/messages")
        .then().statusCode(400);

    as(aliceToken).delete(path).then().statusCode(202);
    as(aliceToken).get(V2 + "/domains/~/users/~/messagesessions").then().body("$", hasSize(0));
    as(bobToken).get(V2 + "/domains/~/users/~/messagesessions").then().body("$", hasSize(1));

    String resellerToken = ns.token(domain, ns.user(domain, "Reseller"));
    as(resellerToken).get(V2 + "/domains/{d}/messagesessions", sibling).then().statusCode(200);
    as(resellerToken).get(V2 + "/domains/{d}/messagesessions", domain).then().statusCode(200)
        .body("user", org.hamcrest.Matchers.hasItem(bob));
    as(aliceToken).get(V2 + "/domains/{d}/messagesessions", domain).then().statusCode(403);
    // A fresh number each run: the PostgreSQL database outlives the test run.
    String number = "1555" + String.format("%07d", (long) (Math.random() * 9_999_999));
    as(resellerToken).body(Json.of("number", number, "application", "available"))
        .post(V2 + "/domains/{d}/smsnumbers", sibling).then().statusCode(202);
  }
}
