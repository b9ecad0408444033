package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.RunningJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar under {@code SPRING_PROFILES_ACTIVE=prod}: metrics only with the admin key, the API
 * documents and the Swagger UI closed, health open.
 */
class ProductionProfileIT {
  private static final String ADMIN_KEY = "prod-profile-admin-key-0123456789";

  @TempDir Path workDir;

  @Test
  void metricsNeedTheAdminKeyAndTheApiDocumentsAreClosed() throws Exception {
    try (RunningJar server = RunningJar.start(workDir,
        Map.of("SPRING_PROFILES_ACTIVE", "prod", "SWITCHBOARD_ADMIN_KEY", ADMIN_KEY))) {
      String base = server.baseUrl();
      given().baseUri(base).get("/actuator/health").then().statusCode(200)
          .body("status", equalTo("UP"));
      given().baseUri(base).get("/actuator/prometheus").then().statusCode(401)
          .body("error", equalTo("unauthenticated"));
      given().baseUri(base).header("Authorization", "Bearer wrong")
          .get("/actuator/prometheus").then().statusCode(401);
      given().baseUri(base).header("Authorization", "Bearer " + ADMIN_KEY)
          .get("/actuator/prometheus").then().statusCode(200)
          .body(containsString("jvm_memory_used_bytes"));
      for (String closed : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
        given().baseUri(base).header("Authorization", "Bearer " + ADMIN_KEY).get(closed)
            .then().statusCode(404).body("error", equalTo("not_found"));
      }
    }
  }
}
