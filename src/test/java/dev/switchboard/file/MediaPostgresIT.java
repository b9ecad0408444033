package dev.switchboard.file;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.PostgresApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The media paths of every dialect on real PostgreSQL: uploads, shares, policies, deletes. */
class MediaPostgresIT extends PostgresApiTestBase {
  @Autowired JdbcClient jdbc;

  private long filesIn(String domain) {
    return jdbc.sql("SELECT count(*) FROM files f JOIN tenants t ON t.id = f.tenant_id"
            + " WHERE t.name = ?").param(domain).query(Long.class).single();
  }

  @Test
  void allmineMediaMessagesStoreShareAndServeTheirFile() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String bobToken = fixtures.token(domain, bob);
    byte[] png = MediaSamples.png(800, 600);

    var sent = given().header("Authorization", "Bearer " + aliceToken)
        .multiPart("type", "image").multiPart("targetUserId", bob)
        .multiPart("file", "p.png", png)
        .post("/api/v2/messages").then().statusCode(201)
        .body("data.media.width", equalTo(800)).extract();
    String url = sent.path("data.media.url");
    String chatId = sent.path("data.chatId");
    assertThat(given().header("Authorization", "Bearer " + bobToken).get(url).asByteArray())
        .isEqualTo(png);
    fixtures.as(bobToken).get("/api/v1/messages/chat/" + chatId).then().statusCode(200)
        .body("data.messages[0].media.url", equalTo(url));

    given().header("Authorization", "Bearer " + aliceToken)
        .multiPart("type", "audio").multiPart("targetUserId", bob)
        .multiPart("file", "p.png", png)
        .post("/api/v2/messages").then().statusCode(400);
    assertThat(filesIn(domain)).isEqualTo(1);
  }

  @Test
  void amityUploadsPoliciesAndDeletes() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String alice = amity.session(network, "alice");
    String bob = amity.session(network, "bob");
    String fileId = given().header("Authorization", "Bearer " + alice)
        .multiPart("files", "here.jpg", MediaSamples.jpegWithGps(64, 48))
        .multiPart("accessType", "public")
        .post("/api/v4/images").then().statusCode(200).extract().path("[0].fileId");
    given().header("Authorization", "Bearer " + bob).get("/api/v3/files/" + fileId)
        .then().statusCode(200).body("attributes.metadata.gps.size()", equalTo(0));
    fixtures.admin().body("{\"shareGps\": true}")
        .put("/admin/v1/domains/" + network.domain() + "/file-policy").then().statusCode(200);
    fixtures.admin().body("{\"shareGps\": true}")
        .put("/admin/v1/domains/" + network.domain() + "/file-policy").then().statusCode(200);
    given().header("Authorization", "Bearer " + bob).get("/api/v3/files/" + fileId)
        .then().statusCode(200).body("attributes.metadata.gps.latitude", equalTo(52.5f));

    given().header("Authorization", "Bearer " + alice).delete("/api/v3/files/" + fileId)
        .then().statusCode(200);
    assertThat(filesIn(network.domain())).isZero();
  }
}
