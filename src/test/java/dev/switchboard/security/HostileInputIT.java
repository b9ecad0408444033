package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.DialectEnvelope;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.RawHttp;
import dev.switchboard.support.RawHttp.Answer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every hostile input issue 14 found answering a 5xx or an HTML page now answers a 4xx in the
 * envelope of the dialect that owns the path.
 */
class HostileInputIT extends ApiTestBase {
  private static final String NS_SESSION = "hostile_session_0123456789abcdefghij";

  private String domain;
  private String bob;
  private String allmine;
  private String amity;
  private String netsapiens;

  @BeforeEach
  void users() {
    domain = fixtures.domain();
    String alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    allmine = fixtures.token(domain, alice);
    netsapiens =
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
            .formParam("client_id", "c").formParam("client_secret", "s")
            .formParam("username", alice + "@" + domain).formParam("password", Fixtures.PASSWORD)
            .post("/ns-api/v2/tokens").then().statusCode(200).extract().path("access_token");
    AmityFixtures fixturesForAmity = new AmityFixtures(fixtures);
    Network network = fixturesForAmity.network();
    amity = fixturesForAmity.session(network, Fixtures.unique("carol"));
    given().header("Authorization", "Bearer " + amity).contentType(ContentType.JSON)
        .body(Json.of("channelId", "hostile", "type", "community"))
        .post("/api/v3/channels").then().statusCode(200);
  }

  @Test
  void loneSurrogatesAndNulInJsonAreRefusedInEveryDialect() {
    for (String bad : List.of("a\\ud800b", "\\udfff", "x\\u0000y")) {
      expect("/api/v2/messages", post(allmine, "/api/v2/messages",
          "{\"type\":\"text\",\"targetUserId\":\"bob\",\"content\":\"" + bad + "\"}"), 400);
      expect("/api/v3/messages", post(amity, "/api/v3/messages",
          "{\"channelId\":\"hostile\",\"type\":\"text\",\"data\":{\"text\":\"" + bad + "\"}}"), 400);
      expect("/ns-api/v2/", post(netsapiens,
          "/ns-api/v2/domains/~/users/~/messagesessions/" + NS_SESSION + "/messages",
          "{\"type\":\"chat\",\"message\":\"" + bad + "\",\"destination\":\"x\"}"), 400);
      expect("/auth/token", post(null, "/auth/token",
          "{\"domain\":\"" + domain + "\",\"userId\":\"" + bad + "\",\"password\":\"12345678\"}"),
          400);
    }
    // In a property name too.
    expect("/api/v2/messages", post(allmine, "/api/v2/messages", "{\"\\ud800\":1,\"type\":\"text\"}"), 400);
  }

  @Test
  void duplicateJsonKeysAreRefused() {
    Response refused = post(allmine, "/api/v2/messages",
        "{\"type\":\"text\",\"targetUserId\":\"bob\",\"content\":\"a\",\"content\":\"b\"}");
    expect("/api/v2/messages", refused, 400);
    assertThat(refused.asString()).contains("content appears twice");
    expect("/api/v3/messages", post(amity, "/api/v3/messages",
        "{\"channelId\":\"hostile\",\"data\":{\"text\":\"a\",\"text\":\"b\"}}"), 400);
  }

  @Test
  void aWildcardContentTypeIsA415() throws IOException {
    for (String path : List.of("/api/v2/messages", "/api/v3/messages", "/auth/token",
        "/ns-api/v2/domains/~/users/~/messagesessions/" + NS_SESSION + "/messages",
        "/api/v1/chats")) {
      Answer answer = RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nContent-Type: */*\r\n"
          + "Content-Length: 2\r\nAuthorization: Bearer " + allmine, "{}".getBytes());
      assertThat(answer.status()).as(path).isEqualTo(415);
      DialectEnvelope.of(path).assertError(415, answer.contentType(), answer.body(), path);
    }
  }

  @Test
  void invalidTextInQueriesAndPathSegmentsIsA400() throws IOException {
    String[][] cases = {
      {"/api/v1/chats?page=%FF", allmine},
      {"/api/v3/messages?channelId=%00", amity},
      {"/ns-api/v2/domains/~/users?start=%C3%28", netsapiens},
      {"/api/v1/messages/chat/%FF%FE", allmine},
      {"/api/v1/messages/chat/a%2Fb", allmine},
      {"/api/v3/channels/a%5Cb", amity},
      {"/api/v3/channels/a%00b", amity},
      {"/ns-api/v2/domains/a%00b/users", netsapiens},
      {"/ns-api/v2/domains/%E0%80%80/users", netsapiens},
      {"/admin/v1/domains/%C0%AF", ADMIN_KEY},
    };
    for (String[] c : cases) {
      Answer answer = RawHttp.get(port, c[0], "Authorization: Bearer " + c[1]);
      assertThat(answer.status()).as(c[0]).isEqualTo(400);
      DialectEnvelope.of(c[0]).assertError(400, answer.contentType(), answer.body(), c[0]);
    }
  }

  @Test
  void oversizedHeadersAndUrlsAnswerInTheEnvelopeNotTomcatsPage() throws IOException {
    String big = "X-Big: " + "a".repeat(9000);
    Answer headers = RawHttp.get(port, "/api/v3/channels/hostile", big);
    DialectEnvelope.AMITY.assertError(
        headers.status(), headers.contentType(), headers.body(), "9 KB header");
    String longUrl = "/api/v1/messages/chat/" + "a".repeat(70 * 1024);
    Answer url = RawHttp.get(port, longUrl);
    assertThat(url.status()).isBetween(400, 499);
    assertThat(url.contentType()).contains("json");
    assertThat(url.body()).doesNotContain("<html").doesNotContain("Apache Tomcat");
  }

  @Test
  void formBodiesAreCheckedAndLimitedLikeJson() throws IOException {
    Response nul = given().contentType(ContentType.URLENC)
        .body("grant_type=password&username=a%00b&password=x").post("/ns-api/v2/tokens");
    expect("/ns-api/v2/tokens", nul, 400);
    Response invalid = given().contentType(ContentType.URLENC)
        .body("grant_type=password&username=a%FFb&password=x").post("/ns-api/v2/tokens");
    expect("/ns-api/v2/tokens", invalid, 400);
    // Chunked, no length announced, over the limit (64 KB in the tests): counted as it streams.
    byte[] form = ("grant_type=password&username=" + "a".repeat(200 * 1024))
        .getBytes(StandardCharsets.US_ASCII);
    String head = "POST /ns-api/v2/tokens HTTP/1.1\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked";
    byte[] chunked = chunk(form);
    Answer tooLarge = RawHttp.send(port, head, chunked);
    assertThat(tooLarge.status()).isEqualTo(413);
    DialectEnvelope.NETSAPIENS.assertError(413, tooLarge.contentType(), tooLarge.body(), "form");
  }

  @Test
  void passwordsLongerThanBcryptReadsAreRefused() {
    String seventyFourBytes = "é".repeat(37);
    Response admin = fixtures.admin()
        .body(Json.of("userId", Fixtures.unique("p"), "password", seventyFourBytes))
        .post("/admin/v1/domains/{d}/users", domain);
    expect("/admin/v1/domains", admin, 400);
    assertThat(admin.asString()).contains("at most 72 bytes");
    fixtures.admin()
        .body(Json.of("userId", Fixtures.unique("p"), "password", "é".repeat(36)))
        .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
    // Logging in with such a password is simply wrong, never a server error.
    expect("/auth/token", post(null, "/auth/token", Json.of("domain", domain, "userId", "x",
        "password", "a".repeat(200))), 401);
  }

  @Test
  void nullsInsideListsAreRefused() {
    expect("/api/v3/channels", post(amity, "/api/v3/channels",
        "{\"channelId\":\"n1\",\"type\":\"community\",\"userIds\":[null]}"), 400);
    expect("/api/v3/channels", post(amity, "/api/v3/channels",
        "{\"channelId\":\"n2\",\"type\":\"community\",\"tags\":[\"a\",null]}"), 400);
    expect("/api/v3/messages", post(amity, "/api/v3/messages",
        "{\"channelId\":\"hostile\",\"data\":{\"text\":\"x\"},\"tags\":[null]}"), 400);
  }

  @Test
  void brokenPicturesAreA400OnEverySixUploadEndpoint() {
    byte[] png = MediaSamples.png(16, 16);
    byte[] truncated = Arrays.copyOf(png, 40);
    byte[] polyglot = ("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"
        + "<script>alert(document.domain)</script>").getBytes(StandardCharsets.ISO_8859_1);
    for (byte[] picture : List.of(truncated, polyglot)) {
      for (String[] endpoint : new String[][] {
          {"/api/v3/files", "file"}, {"/api/v4/files", "files"}, {"/api/v4/images", "files"},
          {"/api/v4/videos", "files"}}) {
        expect(endpoint[0], given().header("Authorization", "Bearer " + amity)
            .multiPart(endpoint[1], "x.png", picture).post(endpoint[0]), 400);
      }
      for (String path : List.of("/api/v1/messages", "/api/v2/messages")) {
        expect(path, given().header("Authorization", "Bearer " + allmine)
            .multiPart("type", "image").multiPart("targetUserId", bob)
            .multiPart("file", "x.png", picture).post(path), 400);
      }
    }
  }

  @Test
  void anUnauthenticatedUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
    // 25 MB announced, a few bytes sent: the answer comes without the server waiting for the rest.
    String head = "POST /api/v4/files HTTP/1.1\r\n"
        + "Content-Type: multipart/form-data; boundary=xyz\r\n"
        + "Content-Length: " + (25 * 1024 * 1024);
    Answer answer = RawHttp.send(port, head,
        "--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    assertThat(answer.status()).isEqualTo(401);
    DialectEnvelope.AMITY.assertError(401, answer.contentType(), answer.body(), "upload");
  }

  private static byte[] chunk(byte[] body) {
    StringBuilder out = new StringBuilder();
    for (int at = 0; at < body.length; at += 8192) {
      int n = Math.min(8192, body.length - at);
      out.append(Integer.toHexString(n)).append("\r\n")
          .append(new String(body, at, n, StandardCharsets.ISO_8859_1)).append("\r\n");
    }
    return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private Response post(String token, String path, String json) {
    var request = given().contentType(ContentType.JSON).body(json);
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    return request.post(path);
  }

  private static void expect(String path, Response response, int status) {
    assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(status);
    DialectEnvelope.of(path).assertError(status, response.contentType(), response.asString(), path);
  }
}
