package dev.switchboard.api.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.access.TokenService;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileService;
import dev.switchboard.file.GpsPosition;
import dev.switchboard.file.MediaSamples;
import dev.switchboard.file.StoredFile;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads through the core, reads through real HTTP: authorization, ranges, caching, limits. */
class FilesApiIT extends ApiTestBase {
  @Autowired FileService files;
  @Autowired TokenService tokens;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Value("${switchboard.data-dir}")
  Path dataDir;

  private String domain;
  private String alice;
  private String bob;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void users() {
    domain = fixtures.domain();
    alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    aliceToken = fixtures.token(domain, alice);
    bobToken = fixtures.token(domain, bob);
  }

  private StoredFile upload(String token, byte[] bytes, String name, AccessType access) {
    Actor actor = tokens.verify(token);
    return files.upload(actor, new ByteArrayInputStream(bytes), name, null, access, "alt");
  }

  private Response get(String token, String path) {
    return given().header("Authorization", "Bearer " + token).get(path);
  }

  @Test
  void theOwnerGetsTheBytesWithTypeLengthValidatorAndSafeHeaders() {
    byte[] pdf = MediaSamples.pdf();
    StoredFile file = upload(aliceToken, pdf, "../../Rapport \"final\" é%.pdf", AccessType.PRIVATE);
    assertThat(file.name()).isEqualTo("Rapport final é%.pdf");
    Response response = get(aliceToken, "/files/" + file.id());
    response.then().statusCode(200);
    assertThat(response.asByteArray()).isEqualTo(pdf);
    assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
    assertThat(response.header("ETag")).isEqualTo("\"" + file.sha256() + "\"");
    assertThat(response.header("Cache-Control")).startsWith("private");
    assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"Rapport final __.pdf\"; "
            + "filename*=UTF-8''Rapport%20final%20%C3%A9%25.pdf");
  }

  @Test
  void publicFilesAreReadableInTheDomainAndPrivateOnesAreNot() {
    StoredFile open = upload(aliceToken, MediaSamples.png(40, 30), "a.png", AccessType.PUBLIC);
    StoredFile closed = upload(aliceToken, MediaSamples.png(41, 30), "b.png", AccessType.PRIVATE);
    get(bobToken, "/files/" + open.id()).then().statusCode(200)
        .header("Cache-Control", org.hamcrest.Matchers.startsWith("public"));
    get(bobToken, "/files/" + closed.id()).then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("forbidden"));
    get(bobToken, "/files/" + closed.id() + "/thumbnail").then().statusCode(403);
    given().get("/files/" + open.id()).then().statusCode(401);
  }

  @Test
  void aPrivateFileSharedIntoAChatIsReadableByItsMembersOnly() {
    StoredFile file = upload(aliceToken, MediaSamples.png(50, 50), "c.png", AccessType.PRIVATE);
    String carol = fixtures.user(domain);
    String carolToken = fixtures.token(domain, carol);
    String chatId =
        fixtures.as(aliceToken)
            .body(Json.of("type", "text", "targetUserId", bob, "content", "look"))
            .post("/api/v2/messages")
            .then().statusCode(201).extract().path("data.chatId");
    get(bobToken, "/files/" + file.id()).then().statusCode(403);
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(s -> files.share(tokens.verify(aliceToken), file.id(), chatId));
    get(bobToken, "/files/" + file.id()).then().statusCode(200);
    get(carolToken, "/files/" + file.id()).then().statusCode(403);
    assertThatThrownBy(() -> files.share(tokens.verify(aliceToken), file.id(), chatId))
        .as("share joins the caller's transaction, never starts one")
        .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
  }

  @Test
  void anotherDomainsFileIsNotFoundWhateverTheId() {
    StoredFile file = upload(aliceToken, MediaSamples.png(20, 20), "d.png", AccessType.PUBLIC);
    String other = fixtures.domain();
    String stranger = fixtures.token(other, fixtures.user(other));
    get(stranger, "/files/" + file.id()).then().statusCode(404).body("error", org.hamcrest.Matchers.equalTo("not_found"));
    get(stranger, "/files/" + file.id() + "/thumbnail").then().statusCode(404);
    get(aliceToken, "/files/000000000000000000000000").then().statusCode(404);
    get(aliceToken, "/files/" + file.sha256()).then().statusCode(404);
    get(aliceToken, "/files/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
  }

  @Test
  void singleRangesAreServedByteExactAndImpossibleOnesRefused() {
    byte[] wav = MediaSamples.wav();
    StoredFile file = upload(aliceToken, wav, "tone.wav", AccessType.PRIVATE);
    String path = "/files/" + file.id();
    Response part = given().header("Authorization", "Bearer " + aliceToken)
        .header("Range", "bytes=100-1099").get(path);
    part.then().statusCode(206).header("Content-Range", "bytes 100-1099/" + wav.length)
        .header("Content-Length", "1000");
    assertThat(part.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, 100, 1100));
    Response suffix = given().header("Authorization", "Bearer " + aliceToken)
        .header("Range", "bytes=-44").get(path);
    suffix.then().statusCode(206);
    assertThat(suffix.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 44, wav.length));
    Response open = given().header("Authorization", "Bearer " + aliceToken)
        .header("Range", "bytes=24000-").get(path);
    assertThat(open.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, 24000, wav.length));
    given().header("Authorization", "Bearer " + aliceToken).header("Range", "bytes=" + wav.length + "-")
        .get(path).then().statusCode(416).header("Content-Range", "bytes */" + wav.length);
    Response several = given().header("Authorization", "Bearer " + aliceToken)
        .header("Range", "bytes=0-1,5-6").get(path);
    several.then().statusCode(200);
    assertThat(several.asByteArray()).isEqualTo(wav);
  }

  @Test
  void aMatchingEtagIsAnsweredWithNotModified() {
    StoredFile file = upload(aliceToken, MediaSamples.png(30, 30), "e.png", AccessType.PRIVATE);
    given().header("Authorization", "Bearer " + aliceToken)
        .header("If-None-Match", "\"" + file.sha256() + "\"").get("/files/" + file.id())
        .then().statusCode(304).header("ETag", "\"" + file.sha256() + "\"");
    given().header("Authorization", "Bearer " + aliceToken)
        .header("If-None-Match", "\"something-else\"").get("/files/" + file.id())
        .then().statusCode(200);
  }

  @Test
  void thumbnailsAreServedAsImagesOfAtMost320Pixels() throws IOException {
    StoredFile file = upload(aliceToken, MediaSamples.jpegWithGps(1280, 960), "photo.jpg", AccessType.PUBLIC);
    Response thumb = get(bobToken, "/files/" + file.id() + "/thumbnail");
    thumb.then().statusCode(200).contentType("image/jpeg")
        .header("ETag", "\"" + file.thumbnailSha256() + "\"");
    var image = ImageIO.read(new ByteArrayInputStream(thumb.asByteArray()));
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(240);
    StoredFile pdf = upload(aliceToken, MediaSamples.pdf(), "x.pdf", AccessType.PUBLIC);
    get(aliceToken, "/files/" + pdf.id() + "/thumbnail").then().statusCode(404);
  }

  @Test
  void gpsIsKeptForTheOwnerAndWithheldFromOthers() {
    StoredFile file = upload(aliceToken, MediaSamples.jpegWithGps(64, 48), "gps.jpg", AccessType.PUBLIC);
    assertThat(files.describe(tokens.verify(aliceToken), file.id()).gps())
        .isEqualTo(new GpsPosition(52.5, 13.41));
    StoredFile seenByBob = files.describe(tokens.verify(bobToken), file.id());
    assertThat(seenByBob.gps()).isNull();
    assertThat(seenByBob.exifJson()).contains("Switchboard").doesNotContainIgnoringCase("gps");
  }

  @Test
  void aDomainThatOptsInShowsGpsToOthersAndOnlyThatDomain() {
    StoredFile file = upload(aliceToken, MediaSamples.jpegWithGps(64, 48), "gps.jpg", AccessType.PUBLIC);
    fixtures.admin().get("/admin/v1/domains/" + domain + "/file-policy")
        .then().statusCode(200).body("shareGps", org.hamcrest.Matchers.equalTo(false));
    fixtures.admin().body("{\"shareGps\": \"yes\"}").put("/admin/v1/domains/" + domain + "/file-policy")
        .then().statusCode(400);
    fixtures.admin().body("{}").put("/admin/v1/domains/" + domain + "/file-policy")
        .then().statusCode(400);
    fixtures.admin().body("{\"shareGps\": true}").put("/admin/v1/domains/" + domain + "/file-policy")
        .then().statusCode(200).body("shareGps", org.hamcrest.Matchers.equalTo(true));

    assertThat(files.describe(tokens.verify(bobToken), file.id()).gps())
        .isEqualTo(new GpsPosition(52.5, 13.41));
    String elsewhere = fixtures.domain();
    fixtures.admin().get("/admin/v1/domains/" + elsewhere + "/file-policy")
        .then().statusCode(200).body("shareGps", org.hamcrest.Matchers.equalTo(false));
    given().body("{\"shareGps\": true}").contentType("application/json")
        .put("/admin/v1/domains/" + domain + "/file-policy").then().statusCode(401);
  }

  @Test
  void anOversizeUploadIsRefusedWhileStreamingAndLeavesNothing() throws IOException {
    long rowsBefore = rows();
    long blobsBefore = blobs();
    InputStream endless = new InputStream() {
      private long served;

      @Override
      public int read() {
        return served++ < 26L * 1024 * 1024 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 'x');
        served += len;
        return len;
      }
    };
    Actor actor = tokens.verify(aliceToken);
    assertThatThrownBy(() -> files.upload(actor, endless, "big.txt", "text/plain", null, null))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(blobs()).isEqualTo(blobsBefore);
  }

  @Test
  void aMismatchedDeclaredTypeIsRefusedAndLeavesNothing() throws IOException {
    long rowsBefore = rows();
    long blobsBefore = blobs();
    Actor actor = tokens.verify(aliceToken);
    assertThatThrownBy(() -> files.upload(actor, new ByteArrayInputStream(MediaSamples.pdf()),
            "cat.jpg", "image/jpeg", AccessType.PUBLIC, null))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(blobs()).isEqualTo(blobsBefore);
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM files").query(Long.class).single();
  }

  /** Every regular file under the files directory: blobs, and any staging or temporary leftovers. */
  private long blobs() throws IOException {
    Path dir = dataDir.resolve("files");
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).count();
    }
  }
}
