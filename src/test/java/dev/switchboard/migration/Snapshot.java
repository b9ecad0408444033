package dev.switchboard.migration;

import static io.restassured.RestAssured.given;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the migration test fills through the APIs beyond the README walkthrough, and what it reads
 * back: the same requests before and after the move must answer the same bodies (the server's own
 * address and response timestamps aside).
 */
final class Snapshot {
  /** Credentials issued before the move, used again after it. */
  record Credentials(String adminKey, String aliceToken, String aliceRefresh, String carolToken,
      String oliviaToken, String apiKey) {}

  private static final org.hamcrest.Matcher<Integer> SUCCESS =
      org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(200))
          .and(org.hamcrest.Matchers.lessThan(300));

  private Snapshot() {}

  static Credentials fillTheRest(String adminKey) {
    Fixtures fixtures = new Fixtures(adminKey);
    fixtures.admin().body(Json.of("shareGps", true))
        .put("/admin/v1/domains/default/file-policy").then().statusCode(SUCCESS);
    String secure = fixtures.domain();
    fixtures.admin().post("/admin/v1/domains/{d}/secure-mode", secure).then().statusCode(SUCCESS);
    String apiKey = fixtures.admin().body(Json.of("description", "after the move"))
        .post("/admin/v1/domains/default/api-keys").then().statusCode(SUCCESS).extract().path("key");
    JsonPath alice = given().contentType(ContentType.JSON)
        .body(Json.of("domain", "default", "userId", "alice", "password", "alice-password"))
        .post("/auth/token").then().statusCode(SUCCESS).extract().jsonPath();
    String carol = given().header("x-api-key", apiKey).contentType(ContentType.JSON)
        .body(Json.of("userId", "carol", "deviceId", "carol-tablet"))
        .post("/api/v4/sessions").then().statusCode(SUCCESS).extract().path("accessToken");
    String olivia = given().formParam("grant_type", "password").formParam("client_id", "portal")
        .formParam("client_secret", "any").formParam("username", "1000@acme")
        .formParam("password", "olivia-password")
        .post("/ns-api/v2/tokens").then().statusCode(SUCCESS).extract().path("access_token");
    given().header("Authorization", "Bearer " + olivia).contentType(ContentType.JSON)
        .body(Json.of("number", "18585550001", "application", "user", "dest", "1001"))
        .post("/ns-api/v2/domains/~/smsnumbers").then().statusCode(SUCCESS);
    return new Credentials(adminKey, alice.getString("accessToken"),
        alice.getString("refreshToken"), carol, olivia, apiKey);
  }

  /** The bodies of the reads, keyed by request. */
  static Map<String, String> views(String baseUrl, Credentials c) throws Exception {
    Map<String, String> views = new LinkedHashMap<>();
    String chats = get(c.aliceToken(), "/api/v1/chats");
    views.put("chats", chats);
    String chat = JsonPath.from(chats).getString("data.chats[0]._id");
    String messages = get(c.aliceToken(), "/api/v1/messages/chat/" + chat + "?page=1&limit=50");
    views.put("messages", messages);
    views.put("changes", get(c.aliceToken(),
        "/realtime/v1/changes?conversationId=" + chat + "&after=0&limit=100"));
    views.put("amity", get(c.carolToken(), "/api/v3/messages?channelId=book-club&options[last]=10"));
    views.put("netsapiens", get(c.oliviaToken(), "/ns-api/v2/domains/~/users/~/messagesessions"));
    views.put("smsnumbers", get(c.oliviaToken(), "/ns-api/v2/domains/~/smsnumbers"));
    views.put("alice", get(c.adminKey(), "/admin/v1/domains/default/users/alice"));
    views.put("domains", get(c.adminKey(), "/admin/v1/domains"));
    String mediaUrl = JsonPath.from(messages).getString("data.messages.find { it.media != null }.media.url");
    byte[] media = given().header("Authorization", "Bearer " + c.aliceToken())
        .get(mediaUrl).then().statusCode(200).extract().asByteArray();
    views.put("media", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(media)));
    views.replaceAll((name, body) -> body.replace(baseUrl, "BASE")
        .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"\""));
    return views;
  }

  /** Refresh tokens, API keys and passwords issued before the move keep working. */
  static void credentialsStillWork(Credentials c) {
    given().contentType(ContentType.JSON).body(Json.of("refreshToken", c.aliceRefresh()))
        .post("/auth/refresh").then().statusCode(200);
    given().header("x-api-key", c.apiKey()).contentType(ContentType.JSON)
        .body(Json.of("userId", "erin", "deviceId", "erin-phone"))
        .post("/api/v4/sessions").then().statusCode(200);
    given().contentType(ContentType.JSON)
        .body(Json.of("domain", "acme", "userId", "1001", "password", "peter-password"))
        .post("/auth/token").then().statusCode(200);
  }

  private static String get(String bearer, String path) {
    return given().header("Authorization", "Bearer " + bearer).urlEncodingEnabled(false)
        .get(path).then().statusCode(200).extract().asString();
  }
}
