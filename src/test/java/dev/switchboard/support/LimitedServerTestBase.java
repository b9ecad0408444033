package dev.switchboard.support;

import dev.switchboard.support.openapi.OpenApiConformance;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server with small rate limits (periods of an hour, so no bucket refills during a test and
 * counts are exact) for the tests of the limits themselves; one more shared context. Client
 * addresses come from {@code X-Forwarded-For}, so each test counts from addresses of its own.
 * The group {@code probe} ({@code GET /api/v1/chats}) exists only here, to exercise the
 * per-client limit on a route no fixture uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OpenApiConformance.class)
public abstract class LimitedServerTestBase {
  public static final int PER_USER = 30;
  public static final int SESSIONS_PER_KEY = 20;
  public static final int PROBE_PER_CLIENT = 20;
  public static final int LOGIN_PER_ADDRESS = 10;

  @LocalServerPort protected int port;

  protected Fixtures fixtures;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String dataDir;
    try {
      dataDir = Files.createTempDirectory("switchboard-limits-it-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("switchboard.data-dir", () -> dataDir);
    registry.add("switchboard.admin-key", () -> ApiTestBase.ADMIN_KEY);
    registry.add("server.forward-headers-strategy", () -> "native");
    registry.add("switchboard.rate-limits.groups.default.per-user", () -> PER_USER + "/1h");
    registry.add("switchboard.rate-limits.groups.default.per-client", () -> RelaxedLimits.HIGH);
    registry.add("switchboard.rate-limits.groups.sessions.per-user", () -> SESSIONS_PER_KEY + "/1h");
    registry.add("switchboard.rate-limits.groups.sessions.per-client", () -> RelaxedLimits.HIGH);
    registry.add("switchboard.rate-limits.groups.tokens.per-client", () -> RelaxedLimits.HIGH);
    registry.add("switchboard.rate-limits.groups.admin.per-client", () -> RelaxedLimits.HIGH);
    registry.add("switchboard.rate-limits.groups.probe.paths", () -> "GET /api/v1/chats");
    registry.add("switchboard.rate-limits.groups.probe.per-client", () -> PROBE_PER_CLIENT + "/1h");
    registry.add("switchboard.login.per-address", () -> LOGIN_PER_ADDRESS + "/1h");
    registry.add("switchboard.files.allowed-types", () -> "image/png,image/svg+xml,text/plain");
  }

  @BeforeEach
  void pointRestAssuredAtServer() {
    RestAssured.port = port;
    fixtures = new Fixtures(ApiTestBase.ADMIN_KEY);
  }
}
