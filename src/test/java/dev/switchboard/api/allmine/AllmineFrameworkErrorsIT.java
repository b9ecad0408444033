package dev.switchboard.api.allmine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.WireShape;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures raised by the framework, not the core, still answer in Allmine's envelope. */
class AllmineFrameworkErrorsIT extends ApiTestBase {
  private String token;
  private String bob;

  @BeforeEach
  void user() {
    String domain = fixtures.domain();
    token = fixtures.token(domain, fixtures.user(domain));
    bob = fixtures.user(domain);
  }

  @Test
  void malformedJson() {
    Response r = fixtures.as(token).body("{\"type\": \"text\", ").post("/api/v2/messages");
    r.then().statusCode(400).body("errors[0]", equalTo("Validation failed"));
    WireShape.assertMatches("allmine/error-400.json", r.asString());
  }

  @Test
  void wrongJsonTypes() {
    fixtures.as(token).body("{\"type\":\"text\",\"targetUserId\":\"" + bob + "\",\"content\":42}")
        .post("/api/v2/messages").then().statusCode(400)
        .body("errors", hasItem("content has an invalid value or type"));
    fixtures.as(token).body("[1,2]").post("/api/v2/messages").then().statusCode(400)
        .body("isSuccess", equalTo(false));
  }

  @Test
  void missingBody() {
    fixtures.as(token).post("/api/v2/messages").then().statusCode(400)
        .body("errors[0]", equalTo("Validation failed"));
  }

  @Test
  void unknownRouteUnderApi() {
    fixtures.as(token).get("/api/v1/does-not-exist").then().statusCode(404)
        .body("isSuccess", equalTo(false)).body("errors[0]", equalTo("Resource not found"));
    given().get("/api/v2/nothing/here").then().statusCode(404).body("statusCode", equalTo(404));
  }

  @Test
  void wrongMethod() {
    fixtures.as(token).delete("/api/v2/messages").then().statusCode(405)
        .header("Allow", "POST").body("statusCode", equalTo(405)).body("isSuccess", equalTo(false));
  }

  @Test
  void wrongContentType() {
    given().header("Authorization", "Bearer " + token).contentType(ContentType.TEXT).body("hello")
        .post("/api/v2/messages").then().statusCode(415).body("statusCode", equalTo(415));
  }

  @Test
  void bodyTooLargeByContentLength() {
    String huge = "{\"type\":\"text\",\"targetUserId\":\"" + bob + "\",\"content\":\"" + "x".repeat(70_000) + "\"}";
    fixtures.as(token).body(huge).post("/api/v2/messages").then().statusCode(413)
        .body("isSuccess", equalTo(false)).body("statusCode", equalTo(413))
        .body("errors[0]", equalTo("Payload too large"));
  }

  @Test
  void bodyTooLargeWhenStreamedWithoutContentLength() throws Exception {
    byte[] huge = ("{\"type\":\"text\",\"targetUserId\":\"" + bob + "\",\"content\":\""
        + "x".repeat(70_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/api/v2/messages"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(huge)))
        .build();
    try (var client = java.net.http.HttpClient.newHttpClient()) {
      var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
      org.assertj.core.api.Assertions.assertThat(response.body())
          .contains("\"isSuccess\":false", "Payload too large");
    }
  }
}
