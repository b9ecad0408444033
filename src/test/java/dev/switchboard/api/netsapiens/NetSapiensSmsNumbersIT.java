package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** SMS numbers of a domain, of a user, and of the whole system, with their scope rules. */
class NetSapiensSmsNumbersIT extends ApiTestBase {
  @Test
  void managersAddAssignAndRemoveNumbersUsersSeeTheirOwn() {
    NsClient ns = new NsClient(fixtures);
    String domain = ns.domain(null);
    String alice = ns.user(domain, "Basic User");
    String manager = ns.token(domain, ns.user(domain, "Office Manager"));
    String number = "1555" + String.format("%07d", (long) (Math.random() * 9_999_999));

    Response created = as(manager).body(Json.of("number", number, "application", "user",
        "dest", alice)).post(V2 + "/domains/{d}/smsnumbers", domain);
    created.then().statusCode(202).body("number", equalTo(number));
    WireShape.assertMatches("netsapiens/smsnumber-created.json", created.asString());
    as(manager).body(Json.of("number", number, "application", "available"))
        .post(V2 + "/domains/~/smsnumbers").then().statusCode(409);
    as(manager).body(Json.of("number", "not-a-number", "application", "available"))
        .post(V2 + "/domains/~/smsnumbers").then().statusCode(400);

    Response list = as(manager).get(V2 + "/domains/~/smsnumbers");
    list.then().statusCode(200).body("$", hasSize(1)).body("[0].dest", equalTo(alice));
    WireShape.assertMatches("netsapiens/smsnumbers.json", list.asString());

    String aliceToken = ns.token(domain, alice);
    Response mine = as(aliceToken).get(V2 + "/domains/~/users/~/smsnumbers");
    mine.then().statusCode(200).body("$", hasSize(1));
    WireShape.assertMatches("netsapiens/smsnumbers.json", mine.asString());
    Response count = as(aliceToken).get(V2 + "/domains/~/users/~/smsnumbers/count");
    count.then().statusCode(200).body("total", equalTo(1));
    WireShape.assertMatches("netsapiens/count.json", count.asString());
    as(aliceToken).get(V2 + "/domains/~/smsnumbers").then().statusCode(403);
    as(aliceToken).get(V2 + "/smsnumbers").then().statusCode(403);

    Response unassigned = as(manager).body(Json.of("application", "available"))
        .put(V2 + "/domains/~/smsnumbers/{n}", number);
    unassigned.then().statusCode(202);
    WireShape.assertMatches("netsapiens/accepted.json", unassigned.asString());
    as(aliceToken).get(V2 + "/domains/~/users/~/smsnumbers/count").then().body("total", equalTo(0));

    String root = ns.token(domain, ns.user(domain, "Super User"));
    as(root).get(V2 + "/smsnumbers").then().statusCode(200).body("number", hasItem(number));

    as(manager).delete(V2 + "/domains/~/smsnumbers/{n}", number).then().statusCode(202);
    as(manager).delete(V2 + "/domains/~/smsnumbers/{n}", number).then().statusCode(404);
    as(manager).get(V2 + "/domains/~/smsnumbers").then().body("$", hasSize(0));
  }
}
