package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens: every claim we issue is required (a validly signed token without {@code exp},
 * {@code iat}, {@code sub} or its session, or whose domain id and name disagree, is refused),
 * and logging out or revoking a refresh family stops the family's access tokens (on the node
 * that revoked at once; on others within switchboard.tokens.revocation-check).
 */
class TokenClaimsAndRevocationIT extends ApiTestBase {
  @Test
  void logoutWithAPasswordTokenStopsThatTokenEverywhere() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String token = fixtures.token(domain, user);
    String other = fixtures.token(domain, user);
    fixtures.as(token).get("/api/v1/chats").then().statusCode(200);
    fixtures.as(token).delete("/api/v4/sessions").then().statusCode(200)
        .body("success", equalTo(true));
    fixtures.as(token).get("/api/v1/chats").then().statusCode(401);
    fixtures.as(token).get("/api/v3/sessions").then().statusCode(401);
    given().header("Authorization", "Bearer " + token)
        .get("/ns-api/v2/domains/~/users/~/messagesessions").then().statusCode(401);
    // Another login of the same user is another session, untouched.
    fixtures.as(other).get("/api/v1/chats").then().statusCode(200);
  }

  @Test
  void aReusedRefreshTokenRevokesTheFamilysAccessTokens() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    var login = given().contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", user, "password", "correct-horse-battery"))
        .post("/auth/token").then().statusCode(200).extract();
    String firstRefresh = login.path("refreshToken");
    String refreshed = given().contentType(ContentType.JSON)
        .body(Json.of("refreshToken", firstRefresh)).post("/auth/refresh")
        .then().statusCode(200).extract().path("accessToken");
    fixtures.as(refreshed).get("/api/v1/chats").then().statusCode(200);
    // The rotated token shown again: theft. The whole family goes, access tokens included.
    given().contentType(ContentType.JSON).body(Json.of("refreshToken", firstRefresh))
        .post("/auth/refresh").then().statusCode(401);
    fixtures.as(refreshed).get("/api/v1/chats").then().statusCode(401);
    fixtures.as((String) login.path("accessToken")).get("/api/v1/chats").then().statusCode(401);
  }

  @Test
  void tokensMissingAClaimOrNamingTwoDomainsAreRefused() {
    String domain = fixtures.domain();
    String user = fixtures.user(domain);
    String genuine = fixtures.token(domain, user);
    fixtures.as(forge(genuine, Map.of())).get("/api/v1/chats").then().statusCode(200);
    for (String missing : new String[] {"exp", "iat", "sub", "sid", "tid", "dom"}) {
      fixtures.as(forge(genuine, Map.of(missing, "<remove>"))).get("/api/v1/chats")
          .then().statusCode(401);
    }
    // The tid of one domain with the name of another.
    String otherDomain = fixtures.domain();
    fixtures.as(forge(genuine, Map.of("dom", otherDomain))).get("/api/v1/chats")
        .then().statusCode(401);
    // Issued in the future.
    fixtures.as(forge(genuine, Map.of("iat", Instant.now().plusSeconds(3600).getEpochSecond())))
        .get("/api/v1/chats").then().statusCode(401);
  }

  /** The genuine token's claims with some replaced or removed, signed with the server's secret. */
  private static String forge(String genuine, Map<String, Object> changes) {
    String[] parts = genuine.split("\\.");
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    Map<String, Object> forged = new LinkedHashMap<>();
    claims.properties().forEach(e -> forged.put(e.getKey(), e.getValue()));
    forged.put("jti", "forged-" + System.nanoTime());
    changes.forEach((name, value) -> {
      if ("<remove>".equals(value)) {
        forged.remove(name);
      } else {
        forged.put(name, value);
      }
    });
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Json.of(forged).getBytes(StandardCharsets.UTF_8));
    String signingInput = parts[0] + "." + payload;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
