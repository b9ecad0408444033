package dev.switchboard.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.RunningJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar on a clean machine: zero setup, secrets generated once with owner-only
 * permissions, the admin key printed once and the signing secret never, and the same secrets
 * and data after a restart. Then the README's walkthrough, run verbatim against it.
 */
class FirstStartIT {
  private static final Pattern KEY_LINE = Pattern.compile("Generated admin key .*: (sba_\\S+)");

  @TempDir Path workDir;

  @Test
  void firstStartGeneratesSecretsOnceAndTheReadmeWalkthroughWorks() throws Exception {
    String adminKey;
    try (RunningJar server = RunningJar.start(workDir, Map.of())) {
      Path data = workDir.resolve("data");
      Path keyFile = data.resolve("admin.key");
      Path secretFile = data.resolve("jwt.secret");
      assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(data.resolve("db")).isDirectory();

      String log = server.log();
      Matcher matcher = KEY_LINE.matcher(log);
      assertThat(matcher.find()).as("the admin key line in:\n%s", log).isTrue();
      adminKey = matcher.group(1);
      assertThat(adminKey).isEqualTo(Files.readString(keyFile).strip());
      assertThat(log).doesNotContain(Files.readString(secretFile).strip());

      assertThat(get(server, "/admin/v1/domains", adminKey)).contains("\"domain\":\"default\"");

      ReadmeWalkthrough.runAll(workDir, server.baseUrl());
    }

    try (RunningJar again = RunningJar.start(workDir, Map.of())) {
      assertThat(again.log()).doesNotContain("Generated admin key").doesNotContain(adminKey);
      // Same key, same data: the users of the walkthrough are still there.
      assertThat(get(again, "/admin/v1/domains/default/users/alice", adminKey)).contains("\"balance\":75");
    }
  }

  @Test
  void configuredSecretsAreUsedAndNothingIsGenerated() throws Exception {
    Map<String, String> env = Map.of(
        "SWITCHBOARD_ADMIN_KEY", "operator-chosen-admin-key",
        "SWITCHBOARD_JWT_SECRET", "0123456789abcdef0123456789abcdef-configured",
        "SWITCHBOARD_DATA_DIR", workDir.resolve("elsewhere").toString());
    try (RunningJar server = RunningJar.start(workDir, env)) {
      assertThat(get(server, "/admin/v1/domains", "operator-chosen-admin-key")).contains("default");
      assertThat(workDir.resolve("elsewhere/admin.key")).doesNotExist();
      assertThat(workDir.resolve("elsewhere/jwt.secret")).doesNotExist();
      assertThat(workDir.resolve("elsewhere/db")).isDirectory();
      assertThat(server.log()).doesNotContain("operator-chosen-admin-key").doesNotContain("configured");
    }
  }

  @Test
  void aTooShortSigningSecretStopsTheServerWithAClearMessage() throws Exception {
    Map<String, String> env = Map.of("SWITCHBOARD_JWT_SECRET", "short");
    try {
      RunningJar.start(workDir, env).close();
      throw new AssertionError("the server must refuse a short signing secret");
    } catch (org.awaitility.core.ConditionTimeoutException | IllegalStateException exited) {
      assertThat(exited).hasStackTraceContaining("at least 32 bytes");
    }
  }

  private static String get(RunningJar server, String path, String bearer) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .header("Authorization", "Bearer " + bearer).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
  }
}
