package dev.switchboard.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@code redis-server} of the test's own, on a free port, without persistence, stopped (by
 * its process, never by name) when the test closes it: tests never touch the shared Redis.
 * Without the binary, a developer's run skips the test and says why; under {@code CI=true} it
 * fails (.ci/run makes sure Redis is installed).
 */
public final class OwnRedisServer implements AutoCloseable, ExecutionCondition {
  private static final Path BINARY = findBinary();

  private final Process process;
  public final int port;

  /** The JUnit condition only; {@link #start()} makes a server. */
  public OwnRedisServer() {
    this.process = null;
    this.port = -1;
  }

  private OwnRedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static OwnRedisServer start() throws IOException {
    return startOn(freePort());
  }

  /** A free port to start a server on later (e.g. a node first started while Redis is down). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A server on this port: again on the port of one that was stopped, as a Redis restart. */
  public static OwnRedisServer startOn(int port) throws IOException {
    if (BINARY == null) {
      throw new IllegalStateException("redis-server is not installed");
    }
    Process process =
        new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    OwnRedisServer server = new OwnRedisServer(process, port);
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(server::answersPing);
    } catch (RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
    return server;
  }

  public String url() {
    return url(port);
  }

  public static String url(int port) {
    return "redis://127.0.0.1:" + port;
  }

  private boolean answersPing() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[7];
      int n = in.read(answer);
      return n > 0 && new String(answer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (BINARY != null) {
      return ConditionEvaluationResult.enabled("redis-server at " + BINARY);
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without redis-server");
    }
    return ConditionEvaluationResult.disabled("redis-server is not installed: test skipped");
  }

  private static Path findBinary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
