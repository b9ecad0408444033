package dev.switchboard.api.amity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Amity's upload endpoints, file info, download redirects and deletes, through real HTTP. */
class AmityFilesIT extends ApiTestBase {
  @Autowired JdbcClient jdbc;

  private Network network;
  private String aliceToken;
  private String bobToken;

  @BeforeEach
  void users() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    network = amity.network();
    aliceToken = amity.session(network, "alice");
    bobToken = amity.session(network, "bob");
  }

  private RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private long files() {
    return jdbc.sql("SELECT count(*) FROM files f JOIN tenants t ON t.id = f.tenant_id"
            + " WHERE t.name = ?").param(network.domain()).query(Long.class).single();
  }

  @Test
  void anImageUploadAnswersAmityFileObjectsWithDetectedMetadata() {
    byte[] png = MediaSamples.png(640, 480);
    Response response = as(aliceToken).multiPart("files", "cat.png", png)
        .multiPart("accessType", "public").multiPart("altText", "a cat")
        .post("/api/v4/images");

    response.then().statusCode(200)
        .body("[0].fileId", matchesPattern("[0-9a-f]{24}"))
        .body("[0].type", equalTo("image"))
        .body("[0].accessType", equalTo("public"))
        .body("[0].altText", equalTo("a cat"))
        .body("[0].attributes.name", equalTo("cat.png"))
        .body("[0].attributes.extension", equalTo("png"))
        .body("[0].attributes.size", equalTo(png.length))
        .body("[0].attributes.mimeType", equalTo("image/png"))
        .body("[0].attributes.metadata.width", equalTo(640))
        .body("[0].attributes.metadata.height", equalTo(480))
        .body("[0].attributes.metadata.isFull", equalTo(true));
    WireShape.assertMatches("amity/files.json", response.asString());
    String fileId = response.path("[0].fileId");
    String fileUrl = response.path("[0].fileUrl");
    assertThat(fileUrl).endsWith("/files/" + fileId);
    assertThat(as(bobToken).get(fileUrl).asByteArray()).isEqualTo(png);
    as(bobToken).get("/api/v3/files/" + fileId).then().statusCode(200)
        .body("fileId", equalTo(fileId));
  }

  @Test
  void gpsIsShownToTheUploaderOnlyAndPrivateFilesToNobodyElse() {
    String privateId = as(aliceToken)
        .multiPart("file", "here.jpg", MediaSamples.jpegWithGps(64, 48))
        .post("/api/v3/files").then().statusCode(200)
        .body("[0].accessType", equalTo("network"))
        .extract().path("[0].fileId");
    as(aliceToken).get("/api/v3/files/" + privateId).then().statusCode(200)
        .body("attributes.metadata.gps.latitude", equalTo(52.5f))
        .body("attributes.metadata.gps.longitude", equalTo(13.41f));
    as(bobToken).get("/api/v3/files/" + privateId).then().statusCode(403)
        .body("status", equalTo("error")).body("code", equalTo(400300));

    String publicId = as(aliceToken)
        .multiPart("file", "here.jpg", MediaSamples.jpegWithGps(64, 48))
        .multiPart("accessType", "public")
        .post("/api/v3/files").then().statusCode(200).extract().path("[0].fileId");
    as(bobToken).get("/api/v3/files/" + publicId).then().statusCode(200)
        .body("attributes.metadata.gps.size()", equalTo(0))
        .body("attributes.metadata.exif.Make", equalTo("Switchboard"));

    Network other = new AmityFixtures(fixtures).network();
    String stranger = new AmityFixtures(fixtures).session(other, "alice");
    as(stranger).get("/api/v3/files/" + publicId).then().statusCode(404)
        .body("code", equalTo(400400));
  }

  @Test
  void theImageAndVideoEndpointsRefuseOtherKindsAndABatchIsAllOrNothing() {
    as(aliceToken).multiPart("files", "doc.png", MediaSamples.pdf()).post("/api/v4/images")
        .then().statusCode(400)
        .body("code", equalTo(400000))
        .body("data.detail", hasItem("the file must be image, not application/pdf"));
    as(aliceToken).multiPart("files", "clip.mp4", MediaSamples.mp4()).post("/api/v4/videos")
        .then().statusCode(200)
        .body("[0].type", equalTo("video"))
        .body("[0].attributes.metadata.width", equalTo(640))
        .body("[0].attributes.metadata.duration", equalTo(2.5f));
    long before = files();
    as(aliceToken)
        .multiPart("files", "ok.mp4", MediaSamples.mp4())
        .multiPart("files", "bad.png", MediaSamples.png(8, 8))
        .post("/api/v4/videos")
        .then().statusCode(400);
    assertThat(files()).isEqualTo(before);
    as(aliceToken).multiPart("preferredFilename", "x").post("/api/v4/files")
        .then().statusCode(400).body("data.detail", hasItem("at least one file is required"));
  }

  @Test
  void anUploadOverTheLimitIs413InAmitysShape() {
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'x');
    long before = files();
    as(aliceToken).multiPart("files", "big.txt", big).post("/api/v4/files")
        .then().statusCode(413).body("status", equalTo("error"));
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void downloadRedirectsToTheFileOrItsThumbnailAndOnlyTheUploaderDeletes() {
    String fileId = as(aliceToken).multiPart("files", "p.png", MediaSamples.png(400, 200))
        .multiPart("accessType", "public")
        .post("/api/v4/files").then().statusCode(200).extract().path("[0].fileId");
    String location = as(bobToken).redirects().follow(false)
        .get("/api/v3/files/" + fileId + "/download").then().statusCode(302)
        .extract().header("Location");
    assertThat(location).endsWith("/files/" + fileId);
    as(bobToken).redirects().follow(false)
        .get("/api/v3/files/" + fileId + "/download?size=small").then().statusCode(302)
        .header("Location", matchesPattern(".*/files/" + fileId + "/thumbnail"));
    as(bobToken).get("/api/v3/files/" + fileId + "/download?size=huge").then().statusCode(400);

    as(bobToken).delete("/api/v3/files/" + fileId).then().statusCode(403);
    as(aliceToken).delete("/api/v3/files/" + fileId).then().statusCode(200)
        .body("data.success", equalTo(true));
    as(aliceToken).get("/api/v3/files/" + fileId).then().statusCode(404)
        .body("code", equalTo(400400));
    as(bobToken).get("/files/" + fileId).then().statusCode(404);
  }

  @Test
  void aMessageCarriesAnUploadedFileSideLoadedForTheChannel() {
    String channel = AmityTestChannels.directChannel(fixtures, aliceToken, "bob");
    byte[] png = MediaSamples.png(320, 200);
    String fileId = as(aliceToken).multiPart("files", "pic.png", png).post("/api/v4/images")
        .then().statusCode(200).extract().path("[0].fileId");
    as(bobToken).get("/api/v3/files/" + fileId).then().statusCode(403);

    Response posted = new AmityFixtures(fixtures).as(aliceToken)
        .body(Json.of("channelId", channel, "type", "image", "fileId", fileId))
        .post("/api/v3/messages");
    posted.then().statusCode(200)
        .body("messages[0].fileId", equalTo(fileId))
        .body("files[0].fileId", equalTo(fileId))
        .body("files[0].attributes.metadata.width", equalTo(320));
    String fileUrl = posted.path("files[0].fileUrl");
    assertThat(as(bobToken).get(fileUrl).asByteArray()).as("shared with the channel").isEqualTo(png);
    new AmityFixtures(fixtures).as(bobToken).get("/api/v3/messages?channelId=" + channel)
        .then().statusCode(200).body("files.fileId", hasItem(fileId));
    fixtures.as(bobToken).get("/api/v1/messages/chat/" + channel).then().statusCode(200)
        .body("data.messages[0].media.url", equalTo(fileUrl));

    new AmityFixtures(fixtures).as(aliceToken)
        .body(Json.of("channelId", channel, "type", "video", "fileId", fileId))
        .post("/api/v3/messages")
        .then().statusCode(400)
        .body("data.detail", hasItem("type video does not match the file, which is image/png"));
    new AmityFixtures(fixtures).as(aliceToken)
        .body(Json.of("channelId", channel, "type", "image"))
        .post("/api/v3/messages")
        .then().statusCode(400).body("data.detail", hasItem("fileId must be given for type image"));
    String bobsFile = as(bobToken).multiPart("files", "b.png", png).post("/api/v4/images")
        .then().statusCode(200).extract().path("[0].fileId");
    new AmityFixtures(fixtures).as(aliceToken)
        .body(Json.of("channelId", channel, "type", "image", "fileId", bobsFile))
        .post("/api/v3/messages")
        .then().statusCode(403);
  }

  @Test
  void aChannelSideLoadsItsAvatar() {
    String avatar = as(aliceToken).multiPart("files", "logo.png", MediaSamples.png(64, 64))
        .multiPart("accessType", "public").post("/api/v4/images")
        .then().statusCode(200).extract().path("[0].fileId");
    new AmityFixtures(fixtures).as(aliceToken)
        .body(Json.of("channelId", "with-avatar", "type", "community", "avatarFileId", avatar))
        .post("/api/v3/channels")
        .then().statusCode(200)
        .body("channels[0].avatarFileId", equalTo(avatar))
        .body("files[0].fileId", equalTo(avatar));
    new AmityFixtures(fixtures).as(bobToken).get("/api/v3/channels/with-avatar")
        .then().statusCode(200).body("files[0].fileId", equalTo(avatar));
  }
}
