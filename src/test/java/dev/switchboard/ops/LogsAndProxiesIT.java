package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.RunningJar;
import io.restassured.RestAssured;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator reads, on the real jar: the request id on every line of a request, one WARN
 * line per kind of refused credential and never the credential, request lines at DEBUG, a 500's
 * stack trace with its request id, the ECS JSON format; and forwarded headers honoured from a
 * trusted proxy only (the file URLs a client is given, the client address in the log).
 */
class LogsAndProxiesIT {
  private static final String ADMIN_KEY = "logs-admin-key-0123456789";
  private static final String SECRET = "logs-signing-secret-0123456789abcdef";
  /** The proxy: 127.0.0.2. A client connecting from 127.0.0.1 is not one. */
  private static final Map<String, String> BASE_ENV = Map.of(
      "SWITCHBOARD_ADMIN_KEY", ADMIN_KEY,
      "SWITCHBOARD_JWT_SECRET", SECRET,
      "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "127.0.0.2/32",
      "LOGGING_LEVEL_SWITCHBOARD_REQUESTS", "DEBUG");

  @TempDir Path workDir;

  @Test
  void plainLogsCarryRequestIdsAuthFailuresAndServerErrorsAndTrustOnlyTheProxy() throws Exception {
    try (RunningJar server = RunningJar.start(workDir, BASE_ENV)) {
      RestAssured.port = server.port;
      Fixtures fixtures = new Fixtures(ADMIN_KEY);
      String domain = fixtures.domain();
      String alice = fixtures.user(domain);

      given().header("X-Request-Id", "req-admin").header("Authorization", "Bearer wrong-admin-key")
          .get("/admin/v1/domains").then().statusCode(401);
      given().header("Authorization", "Bearer not-a-token").get("/api/v1/chats")
          .then().statusCode(401);
      given().header("Authorization", "Bearer " + expiredToken(domain, alice))
          .get("/api/v1/chats").then().statusCode(401);
      given().contentType("application/json")
          .body(Json.of("domain", domain, "userId", alice, "password", "guessed-password"))
          .post("/auth/token").then().statusCode(401);
      AmityFixtures amity = new AmityFixtures(fixtures);
      given().header("x-api-key", "sbk_wrong-api-key").contentType("application/json")
          .body(Json.of("userId", "carol", "deviceId", "d1")).post("/api/v4/sessions")
          .then().statusCode(401);
      String session = amity.session(amity.network(), "carol");
      amity.as(session).delete("/api/v4/sessions").then().statusCode(200);
      amity.as(session).get("/api/v3/channels").then().statusCode(401);

      String fileId = given().header("Authorization", "Bearer " + fixtures.token(domain, alice))
          .multiPart("file", "dot.png", MediaSamples.png(8, 8)).post("/api/v3/files")
          .then().statusCode(200).extract().path("[0].fileId");
      deleteBlobs(workDir.resolve("data/files"));
      given().header("X-Request-Id", "req-broken")
          .header("Authorization", "Bearer " + fixtures.token(domain, alice))
          .get("/files/" + fileId).then().statusCode(500);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        String log = server.log();
        assertThat(log).contains("[req-admin] ").contains("Authentication failed [bad_admin_key]");
        for (String kind : List.of("bad_token", "expired_token", "bad_password", "bad_api_key",
            "revoked_token")) {
          assertThat(log).contains("Authentication failed [" + kind + "]");
        }
        assertThat(log).contains("user=" + alice + ", domain=" + domain + ", client=127.0.0.1")
            .contains("GET /api/v1/chats -> 401 (")
            .contains("[req-broken] ").contains("Unhandled error on GET /files/" + fileId
                + " (request req-broken)")
            .contains("StoredBytesUnavailable").contains("\tat dev.switchboard.");
        assertThat(log).doesNotContain("wrong-admin-key").doesNotContain("guessed-password")
            .doesNotContain("sbk_wrong-api-key").doesNotContain("not-a-token");
      });

      // Forwarded headers: honoured from the trusted proxy (127.0.0.2) only.
      String token = fixtures.token(domain, alice);
      String viaProxy = fileUrl(server, "127.0.0.2", token, fileId);
      String direct = fileUrl(server, "127.0.0.1", token, fileId);
      assertThat(viaProxy).isEqualTo("https://chat.example.com/files/" + fileId);
      assertThat(direct).isEqualTo("http://127.0.0.1:" + server.port + "/files/" + fileId);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.log())
          .contains("GET /nowhere-127.0.0.2 -> 404 (").contains("client 203.0.113.9)")
          .contains("GET /nowhere-127.0.0.1 -> 404 (").contains("client 127.0.0.1)"));
    }
  }

  @Test
  void theEcsJsonFormatIsOneJsonObjectPerLineWithTheRequestId() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(BASE_ENV);
    env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    try (RunningJar server = RunningJar.start(workDir, env)) {
      RestAssured.port = server.port;
      given().header("X-Request-Id", "req-json").header("Authorization", "Bearer wrong")
          .get("/admin/v1/domains").then().statusCode(401);
      JsonMapper json = JsonMapper.builder().build();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        List<JsonNode> lines = server.log().lines().filter(line -> line.startsWith("{"))
            .map(json::readTree).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).anySatisfy(line -> {
          assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
          assertThat(line.path("requestId").asString()).isEqualTo("req-json");
          assertThat(line.path("message").asString())
              .contains("Authentication failed [bad_admin_key]");
        });
      });
    }
  }

  /** Asks for the file's Amity record, as the proxy would forward it, from {@code from}. */
  private static String fileUrl(RunningJar server, String from, String token, String fileId)
      throws Exception {
    try (HttpClient client = HttpClient.newBuilder()
        .localAddress(InetAddress.getByName(from)).build()) {
      HttpResponse<String> response = client.send(forwarded(server, "/api/v3/files/" + fileId)
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      client.send(forwarded(server, "/nowhere-" + from).build(), HttpResponse.BodyHandlers.discarding());
      return JsonMapper.builder().build().readTree(response.body()).path("fileUrl").asString();
    }
  }

  private static HttpRequest.Builder forwarded(RunningJar server, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
        .header("X-Forwarded-For", "203.0.113.9")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "chat.example.com");
  }

  private static String expiredToken(String domain, String user) throws Exception {
    Instant issued = Instant.now().minus(Duration.ofHours(2));
    // Expiry is checked before anything else, so the tenant id needs no lookup.
    String tenantId = "000000000000000000000001";
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("switchboard").subject(user)
        .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
        .claim("dom", domain).claim("tid", tenantId).claim("scp", "Basic User").build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static void deleteBlobs(Path files) throws Exception {
    try (var all = Files.walk(files)) {
      for (Path path : all.filter(Files::isRegularFile).toList()) {
        Files.delete(path);
      }
    }
  }
}
