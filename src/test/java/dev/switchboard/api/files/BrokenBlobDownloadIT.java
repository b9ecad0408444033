package dev.switchboard.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.access.TokenService;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.support.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The database and the file store disagree, as after a partial restore: a download must answer an
 * error before any byte of the file, or break the connection — never a 200 with the file's length,
 * validator and a day of caching followed by a short body.
 */
class BrokenBlobDownloadIT extends ApiTestBase {
  @Autowired FileService files;
  @Autowired TokenService tokens;

  @Value("${switchboard.data-dir}")
  Path dataDir;

  private String token;

  @BeforeEach
  void user() {
    String domain = fixtures.domain();
    token = fixtures.token(domain, fixtures.user(domain));
  }

  /** Text unique to the test: blobs are shared by content, and these ones get damaged. */
  private StoredFile upload(int bytes) {
    String line = "broken-blob " + UUID.randomUUID() + "\n";
    byte[] text = line.repeat(bytes / line.length() + 1).substring(0, bytes)
        .getBytes(StandardCharsets.US_ASCII);
    return files.upload(tokens.verify(token), new ByteArrayInputStream(text), "notes.txt",
        null, AccessType.PRIVATE, null);
  }

  private Path blob(StoredFile file) {
    String sha = file.sha256();
    return dataDir.resolve("files").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
        .resolve(sha);
  }

  private HttpResponse<String> download(StoredFile file, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/files/" + file.id()))
        .header("Authorization", "Bearer " + token);
    if (range != null) {
      request.header("Range", range);
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static void assertRefusedBeforeAnyByte(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).contains("\"error\":\"internal\"").doesNotContain("broken-blob");
    assertThat(response.headers().firstValue("ETag")).isEmpty();
    assertThat(response.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void aMissingBlobIsAServerErrorBeforeAnyByte() throws Exception {
    StoredFile file = upload(2_000);
    Files.delete(blob(file));
    assertRefusedBeforeAnyByte(download(file, null));
    assertRefusedBeforeAnyByte(download(file, "bytes=0-99"));
  }

  @Test
  void aBlobShorterOrLongerThanRecordedIsAServerErrorBeforeAnyByte() throws Exception {
    StoredFile shorter = upload(3_000);
    try (FileChannel channel = FileChannel.open(blob(shorter), StandardOpenOption.WRITE)) {
      channel.truncate(1_000);
    }
    assertRefusedBeforeAnyByte(download(shorter, null));

    StoredFile longer = upload(3_001);
    Files.writeString(blob(longer), "appended", StandardOpenOption.APPEND);
    assertRefusedBeforeAnyByte(download(longer, null));
  }

  @Test
  void aBlobThatIsNoLongerAFileIsAServerErrorBeforeAnyByte() throws Exception {
    StoredFile file = upload(1_500);
    Files.delete(blob(file));
    Files.createDirectory(blob(file)); // unreadable as a file, whoever runs the test (root too)
    assertRefusedBeforeAnyByte(download(file, null));
    Files.delete(blob(file));
  }

  /**
   * The blob shrinks while its download is under way, after the status and headers went out: the
   * server must break the connection, so the client sees a failed transfer, not a short file.
   */
  @Test
  void aBlobLostMidwayBreaksTheConnectionInsteadOfEndingTheBody() throws Exception {
    int size = 20 * 1024 * 1024; // more than loopback's socket buffers hold, so the server waits
    StoredFile file = upload(size);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/files/" + file.id()))
        .header("Authorization", "Bearer " + token).build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(size);
      try (InputStream body = response.body()) {
        assertThat(body.read()).isEqualTo('b');
        try (FileChannel channel = FileChannel.open(blob(file), StandardOpenOption.WRITE)) {
          channel.truncate(1024 * 1024);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> assertThatThrownBy(() -> drain(body, size)).isInstanceOf(IOException.class));
      }
    }
  }

  private static void drain(InputStream body, int size) throws IOException {
    long received = 1 + body.transferTo(java.io.OutputStream.nullOutputStream());
    // A client library that does not check the length itself still sees fewer bytes.
    if (received < size) {
      throw new IOException("received " + received + " of " + size + " bytes");
    }
  }
}
