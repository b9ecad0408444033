package dev.switchboard.api.allmine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Media messages through Allmine's multipart send: detection, metadata, serving, refusals. */
class AllmineMediaIT extends ApiTestBase {
  @Autowired JdbcClient jdbc;

  @Value("${local.server.port}")
  int port;

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

  private RequestSpecification multipart(String token, String type, byte[] bytes, String name) {
    RequestSpecification request =
        given()
            .header("Authorization", "Bearer " + token)
            .multiPart("type", type)
            .multiPart("targetUserId", bob);
    return bytes == null ? request : request.multiPart("file", name, bytes);
  }

  private long filesOf(String userId) {
    return jdbc.sql("SELECT count(*) FROM files f JOIN tenants t ON t.id = f.tenant_id"
            + " WHERE t.name = ? AND f.owner_id = ?")
        .params(domain, userId).query(Long.class).single();
  }

  private long messagesOf(String userId) {
    return jdbc.sql("SELECT count(*) FROM messages m JOIN tenants t ON t.id = m.tenant_id"
            + " WHERE t.name = ? AND m.sender_id = ?")
        .params(domain, userId).query(Long.class).single();
  }

  @Test
  void anImageIsDetectedMeasuredThumbnailedAndServedToTheOtherMember() throws IOException {
    byte[] png = MediaSamples.png(800, 600);
    Response sent = multipart(aliceToken, "image", png, "holiday.png")
        .multiPart("content", "look at this").post("/api/v2/messages");

    sent.then().statusCode(201)
        .body("data.type", equalTo("image"))
        .body("data.content", equalTo("look at this"))
        .body("data.media.type", equalTo("image"))
        .body("data.media.name", equalTo("holiday.png"))
        .body("data.media.size", equalTo(png.length))
        .body("data.media.width", equalTo(800))
        .body("data.media.height", equalTo(600))
        .body("data.media.duration", nullValue());
    WireShape.assertMatches("allmine/message-media.json", sent.asString());
    String url = sent.path("data.media.url");
    String thumbnailUrl = sent.path("data.media.thumbnail_url");
    assertThat(url).matches("http://localhost:" + port + "/files/[0-9a-f]{24}");
    assertThat(thumbnailUrl).isEqualTo(url + "/thumbnail");

    Response file = given().header("Authorization", "Bearer " + bobToken).get(url);
    file.then().statusCode(200).header("Content-Type", "image/png");
    assertThat(file.asByteArray()).isEqualTo(png);
    byte[] thumbnail =
        given().header("Authorization", "Bearer " + bobToken).get(thumbnailUrl).asByteArray();
    var picture = ImageIO.read(new ByteArrayInputStream(thumbnail));
    assertThat(picture.getWidth()).isEqualTo(320);
    assertThat(picture.getHeight()).isEqualTo(240);

    String chatId = sent.path("data.chatId");
    fixtures.as(bobToken).get("/api/v1/messages/chat/" + chatId).then().statusCode(200)
        .body("data.messages[0].media.url", equalTo(url));
    fixtures.as(bobToken).get("/api/v1/chats").then().statusCode(200)
        .body("data.chats.find { it._id == '" + chatId + "' }.lastMessage.media.width",
            equalTo(800));
  }

  @Test
  void videoAndAudioCarryDurationsInSecondsFromTheirContainers() {
    multipart(aliceToken, "video", MediaSamples.mp4(), "clip.mp4").post("/api/v2/messages")
        .then().statusCode(201)
        .body("data.media.type", equalTo("video"))
        .body("data.media.duration", equalTo(3))
        .body("data.media.width", equalTo(640))
        .body("data.media.height", equalTo(360));
    multipart(aliceToken, "audio", MediaSamples.wav(), "note.wav").post("/api/v2/messages")
        .then().statusCode(201)
        .body("data.media.type", equalTo("audio"))
        .body("data.media.duration", equalTo(2))
        .body("data.media.width", nullValue())
        .body("data.media.thumbnail_url", nullValue());
    multipart(aliceToken, "file", MediaSamples.pdf(), "report.pdf").post("/api/v2/messages")
        .then().statusCode(201)
        .body("data.media.type", equalTo("file"))
        .body("data.media.name", equalTo("report.pdf"));
  }

  @Test
  void outsidersCannotReadTheFile() {
    String url = multipart(aliceToken, "image", MediaSamples.png(40, 30), "a.png")
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.media.url");
    String carol = fixtures.user(domain);
    given().header("Authorization", "Bearer " + fixtures.token(domain, carol)).get(url)
        .then().statusCode(403);
    String elsewhere = fixtures.domain();
    String mallory = fixtures.user(elsewhere);
    given().header("Authorization", "Bearer " + fixtures.token(elsewhere, mallory)).get(url)
        .then().statusCode(404);
  }

  @Test
  void aTypeThatContradictsTheBytesIsRefusedAndNothingIsStored() {
    multipart(aliceToken, "video", MediaSamples.png(40, 30), "not-a-video.mp4")
        .post("/api/v2/messages")
        .then().statusCode(400)
        .body("isSuccess", equalTo(false))
        .body("errors", hasItem("type video does not match the file, which is image/png"));
    given().header("Authorization", "Bearer " + aliceToken)
        .multiPart("type", "image").multiPart("targetUserId", bob)
        .multiPart("file", "x.pdf", MediaSamples.png(40, 30), "application/pdf")
        .post("/api/v2/messages")
        .then().statusCode(400).body("isSuccess", equalTo(false));
    assertThat(filesOf(alice)).isZero();
    assertThat(messagesOf(alice)).isZero();
  }

  @Test
  void mediaNeedsAFileAndTextCannotCarryOne() {
    multipart(aliceToken, "image", null, null).post("/api/v2/messages")
        .then().statusCode(400).body("errors", hasItem("type image needs a file"));
    multipart(aliceToken, "text", MediaSamples.png(4, 4), "a.png").multiPart("content", "hi")
        .post("/api/v2/messages")
        .then().statusCode(400)
        .body("errors", hasItem("only image, video, audio and file messages carry a file"));
    assertThat(filesOf(alice)).isZero();
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413AndLeavesNothing() {
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'x');
    multipart(aliceToken, "file", big, "big.txt").post("/api/v2/messages")
        .then().statusCode(413)
        .body("isSuccess", equalTo(false))
        .body("statusCode", equalTo(413));
    assertThat(filesOf(alice)).isZero();
    assertThat(messagesOf(alice)).isZero();
  }

  @Test
  void aRetriedUploadWithTheSameKeyReturnsTheFirstMessageAndStoresOneFile() {
    byte[] png = MediaSamples.png(40, 30);
    String first = multipart(aliceToken, "image", png, "a.png").header("Idempotency-Key", "up-1")
        .post("/api/v2/messages").then().statusCode(201).extract().path("data._id");
    String again = multipart(aliceToken, "image", png, "a.png").header("Idempotency-Key", "up-1")
        .post("/api/v2/messages").then().statusCode(201).extract().path("data._id");
    assertThat(again).isEqualTo(first);
    assertThat(filesOf(alice)).isEqualTo(1);
  }

  @Test
  void anUploadedFileIdInJsonIsSentAgainWithoutReuploading() {
    String url = multipart(aliceToken, "file", MediaSamples.pdf(), "r.pdf")
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.media.url");
    String fileId = url.substring(url.lastIndexOf('/') + 1);
    fixtures.as(aliceToken)
        .body("{\"type\":\"file\",\"targetUserId\":\"" + bob + "\",\"file\":\"" + fileId + "\"}")
        .post("/api/v2/messages")
        .then().statusCode(201).body("data.media.url", equalTo(url));
    fixtures.as(aliceToken)
        .body("{\"type\":\"text\",\"targetUserId\":\"" + bob
            + "\",\"content\":\"Hello there!\",\"file\":\"profile-photo.jpg\"}")
        .post("/api/v2/messages")
        .then().statusCode(201).body("data.media", nullValue());
    assertThat(filesOf(alice)).isEqualTo(1);
  }
}
