package dev.switchboard.file;

import static org.awaitility.Awaitility.await;

import dev.switchboard.file.internal.S3FileStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store contract on a real S3-compatible server: Adobe S3Mock's executable jar, which Maven
 * copies into {@code target/s3mock} and this test starts as its own {@code java -jar} process on
 * a free loopback port (its Spring Boot never shares our classpath).
 */
class S3FileStoreIT implements FileStoreContract {
  private static final String BUCKET = "switchboard-test";
  private static Process server;
  private static S3FileStore store;

  @BeforeAll
  static void startS3Mock() throws Exception {
    String jar = System.getProperty("switchboard.test.s3mock-jar", "target/s3mock/s3mock.jar");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(jar + " is missing: run through Maven (pre-integration-test)");
    }
    int port = freeLoopbackPort();
    Path root = Files.createTempDirectory("s3mock-");
    String java = ProcessHandle.current().info().command().orElse("java");
    server =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar,
                    "--http.port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--spring.main.banner-mode=off",
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET))
            .redirectErrorStream(true)
            .redirectOutput(Path.of(jar).resolveSibling("s3mock.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> accepts(port) || !server.isAlive());
    if (!server.isAlive()) {
      throw new IllegalStateException("S3Mock exited with " + server.exitValue());
    }
    S3Client client =
        S3FileStore.client(URI.create("http://127.0.0.1:" + port), "us-east-1", "test", "test");
    store = new S3FileStore(client, BUCKET, "files/", Files.createTempDirectory("s3-spool-"));
  }

  @AfterAll
  static void stopS3Mock() throws InterruptedException {
    if (store != null) {
      store.close();
    }
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public FileStore store() {
    return store;
  }

  @Test
  void serverIsRunning() {
    org.assertj.core.api.Assertions.assertThat(server.isAlive()).isTrue();
  }
}
