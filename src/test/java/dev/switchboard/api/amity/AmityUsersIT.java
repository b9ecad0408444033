package dev.switchboard.api.amity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Amity's users API over real HTTP: keyword search, paging, one user, several, domain isolation. */
class AmityUsersIT extends ApiTestBase {
  @Test
  void searchFindsByDisplayNameOrIdWithinTheNetworkOnly() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String tag = "u" + System.nanoTime();
    String[] names = {"Zoe " + tag, "adam " + tag, "Mia " + tag};
    String[] ids = new String[3];
    for (int i = 0; i < 3; i++) {
      ids[i] = tag + "-" + i;
      amity.withApiKey(network).body(Json.of("userId", ids[i], "deviceId", "d", "displayName", names[i]))
          .post("/api/v5/sessions").then().statusCode(200);
    }
    String token = amity.session(network, ids[0]);
    Network other = amity.network();
    amity.withApiKey(other).body(Json.of("userId", tag + "-x", "deviceId", "d", "displayName", "Other " + tag))
        .post("/api/v5/sessions").then().statusCode(200);

    Response page = amity.as(token).queryParam("keyword", tag.toUpperCase()).queryParam("options[limit]", 2)
        .get("/api/v3/users");
    page.then().statusCode(200)
        .body("users.displayName", contains("adam " + tag, "Mia " + tag))
        .body("paging.next", notNullValue()).body("paging.previous", nullValue());
    WireShape.assertMatches("amity/user.json",
        Json.parse(amity.as(token).get("/api/v3/users/{id}", ids[1]).asString()).get("users").get(0).toString());
    amity.as(token).queryParam("keyword", tag).queryParam("options[token]", page.<String>path("paging.next"))
        .get("/api/v3/users").then().statusCode(200)
        .body("users.displayName", contains("Zoe " + tag)).body("paging.next", nullValue())
        .body("paging.previous", notNullValue());
    amity.as(token).queryParam("keyword", tag).queryParam("sortBy", "lastCreated").get("/api/v3/users")
        .then().body("users.userId", contains(ids[2], ids[1], ids[0]));
    amity.as(token).queryParam("keyword", ids[1]).queryParam("exactMatchKeyword", true).get("/api/v3/users")
        .then().body("users.userId", contains(ids[1]));
    amity.as(token).queryParam("keyword", tag).queryParam("filter", "flagged").get("/api/v3/users")
        .then().statusCode(200).body("users", empty());

    amity.as(token).get("/api/v3/users/{id}", ids[2]).then().statusCode(200)
        .body("users", hasSize(1)).body("users[0].userId", equalTo(ids[2]))
        .body("users[0].displayName", equalTo(names[2]));
    amity.as(token).queryParam("userIds[]", ids[2]).queryParam("userIds[]", "nobody").queryParam("userIds[]", ids[1])
        .get("/api/v3/users/list").then().statusCode(200).body("users.userId", contains(ids[2], ids[1]));

    Response foreign = amity.as(token).get("/api/v3/users/{id}", tag + "-x");
    foreign.then().statusCode(404).body("code", equalTo(400400));
    WireShape.assertMatches("amity/error.json", foreign.asString());
    amity.as(token).queryParam("userIds[]", tag + "-x").get("/api/v3/users/list").then().body("users", empty());
    for (String[] bad : new String[][] {{"options[limit]", "0"}, {"sortBy", "age"}, {"filter", "x"},
        {"options[token]", "bogus"}, {"keyword", "k".repeat(101)}}) {
      Response refused = amity.as(token).queryParam(bad[0], bad[1]).get("/api/v3/users");
      refused.then().statusCode(400).body("code", equalTo(400000));
      WireShape.assertMatches("amity/error.json", refused.asString());
    }
    amity.as(token).get("/api/v3/users/list").then().statusCode(400);
    io.restassured.RestAssured.given().get("/api/v3/users").then().statusCode(401).body("code", equalTo(400100));
  }
}
