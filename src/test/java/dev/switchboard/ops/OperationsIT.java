package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.support.ApiTestBase;
import org.junit.jupiter.api.Test;

class OperationsIT extends ApiTestBase {
  @Test
  void healthIsUpWithTheDatabaseComponent() {
    given().get("/actuator/health").then().statusCode(200)
        .body("status", equalTo("UP")).body("components.db.status", equalTo("UP"));
  }

  @Test
  void prometheusExposesHttpAndJvmMetrics() {
    given().get("/api/v1/chats"); // one request, so the HTTP timer exists
    given().get("/actuator/prometheus").then().statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("http_server_requests_seconds_count"))
        .body(containsString("hikaricp_connections"));
  }

  @Test
  void openApiDescribesAdminTokenAndAllmineEndpointsWithTheirShapes() {
    var spec = given().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    for (String path : new String[] {
        "/admin/v1/domains", "/admin/v1/domains/{domain}/users", "/admin/v1/domains/{domain}/users/{userId}",
        "/admin/v1/domains/{domain}/users/{userId}/credits", "/admin/v1/domains/{domain}/api-keys",
        "/auth/token", "/auth/refresh", "/api/v2/messages", "/api/v1/messages",
        "/api/v1/messages/credit-transfer", "/api/v1/messages/chat/{chatId}",
        "/api/v1/messages/chat/{chatId}/read", "/api/v1/chats"}) {
      org.assertj.core.api.Assertions.assertThat(spec.getMap("paths")).as(path).containsKey(path);
    }
    given().get("/v3/api-docs").then()
        .body("components.schemas.MessageView.properties", hasKey("_id"))
        .body("components.schemas.MessageView.properties", hasKey("creditTransfer"))
        .body("components.schemas.MediaView.properties", hasKey("thumbnail_url"))
        .body("components.schemas.TransferResultView.properties", hasKey("recipientBalance"))
        .body("components.schemas.TokenResponse.properties", hasKey("refreshToken"))
        .body("components.securitySchemes.bearerToken", notNullValue());
    given().redirects().follow(true).get("/swagger-ui.html").then().statusCode(200)
        .body(containsString("swagger-ui"));
  }
}
