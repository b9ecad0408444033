package dev.switchboard.support;

import dev.switchboard.support.openapi.OpenApiConformance;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every HTTP test on the embedded database: one real server on a random port, one
 * Spring context shared by all subclasses (a context costs ~10 s here). Tests isolate
 * themselves by creating their own domains and users through {@link Fixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenApiConformance.class)
public abstract class ApiTestBase {
  public static final String ADMIN_KEY = "test-admin-key-0123456789";
  public static final String CARRIER_SECRET = "test-carrier-secret-0123456789";
  /** The token signing secret, so tests can forge tokens the server would otherwise never issue. */
  public static final String JWT_SECRET = "test-jwt-secret-0123456789-0123456789-abcdef";
  private static final Path DATA_DIR = tempDir();

  @LocalServerPort protected int port;

  protected Fixtures fixtures;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("switchboard.data-dir", DATA_DIR::toString);
    registry.add("switchboard.admin-key", () -> ADMIN_KEY);
    registry.add("switchboard.jwt-secret", () -> JWT_SECRET);
    RelaxedLimits.register(registry);
    registry.add("switchboard.max-request-size", () -> "64KB");
    registry.add("switchboard.realtime.auth-timeout", () -> "1s");
    registry.add("switchboard.realtime.heartbeat", () -> "3s");
    registry.add("switchboard.realtime.queue-size", () -> "256");
    registry.add("switchboard.sms.http.callback-secret", () -> CARRIER_SECRET);
    // Webhook tests post to a receiver on 127.0.0.1, which production refuses by default.
    registry.add("switchboard.webhooks.allow-private-addresses", () -> "true");
    registry.add("switchboard.webhooks.poll-interval", () -> "200ms");
  }

  @BeforeEach
  void pointRestAssuredAtServer() {
    RestAssured.port = port;
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    fixtures = new Fixtures(ADMIN_KEY);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("switchboard-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
