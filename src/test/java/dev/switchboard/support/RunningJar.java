package dev.switchboard.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code java -jar target/switchboard.jar} in a working directory of its own, as a user runs it. */
public final class RunningJar implements AutoCloseable {
  private final Process process;
  private final Path log;
  public final int port;

  private RunningJar(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The jar the build made. */
  public static Path jar() {
    Path jar = Path.of("target/switchboard.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Build the jar first: " + jar);
    }
    return jar;
  }

  /** The java of the JVM running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static RunningJar start(Path workDir, Map<String, String> env) throws IOException {
    return start(workDir, env, List.of(java(), "-jar", jar().toString()));
  }

  /** Starts {@code command} (a server that reads SERVER_PORT), waits until it is healthy. */
  public static RunningJar start(Path workDir, Map<String, String> env, List<String> command)
      throws IOException {
    int port = freePort();
    Path log = Files.createTempFile(workDir, "server-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().remove("SWITCHBOARD_ADMIN_KEY");
    builder.environment().remove("SWITCHBOARD_JWT_SECRET");
    builder.environment().remove("SPRING_DATASOURCE_URL");
    builder.environment().remove("SWITCHBOARD_REDIS_URL");
    builder.environment().putAll(env);
    RunningJar running = new RunningJar(builder.start(), log, port);
    try {
      running.awaitHealthy();
    } catch (RuntimeException | Error e) {
      // Never leave a server behind: a failed start must not occupy the machine for later tests.
      running.process.destroyForcibly();
      throw e;
    }
    return running;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("server exited:\n" + log());
              }
              try {
                HttpResponse<String> response =
                    client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Kills the process at once (SIGKILL), as a crashed node: no shutdown, no goodbyes. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
