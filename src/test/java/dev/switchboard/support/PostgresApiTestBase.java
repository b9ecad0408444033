package dev.switchboard.support;

import dev.switchboard.support.openapi.OpenApiConformance;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole server on real PostgreSQL: one more shared context for the PostgreSQL suite. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenApiConformance.class)
@ExtendWith(PostgresTestDatabase.class)
public abstract class PostgresApiTestBase {
  @LocalServerPort protected int port;

  protected Fixtures fixtures;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.datasource.url", PostgresTestDatabase::url);
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", () -> "");
    registry.add("switchboard.admin-key", () -> ApiTestBase.ADMIN_KEY);
    RelaxedLimits.register(registry);
    String dataDir = Files.createTempDirectory("switchboard-pg-it-").toString();
    registry.add("switchboard.data-dir", () -> dataDir);
  }

  @BeforeEach
  void pointRestAssuredAtServer() {
    RestAssured.port = port;
    fixtures = new Fixtures(ApiTestBase.ADMIN_KEY);
  }
}
