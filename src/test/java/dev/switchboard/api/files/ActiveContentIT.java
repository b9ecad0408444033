package dev.switchboard.api.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.LimitedServerTestBase;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Uploads of active content (here SVG with a script, allowed by this server's configuration)
 * are served as attachments under a sandboxing Content-Security-Policy, never inline; pictures
 * stay inline, under the same policy.
 */
class ActiveContentIT extends LimitedServerTestBase {
  @Test
  void anSvgWithAScriptIsServedAsASandboxedAttachment() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), Fixtures.unique("svg"));
    byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
        + "<script>alert(document.domain)</script></svg>").getBytes(StandardCharsets.UTF_8);
    Response svgFile = serve(token, svg, "evil.svg");
    assertThat(svgFile.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svgFile.header("Content-Disposition")).startsWith("attachment;");
    assertThat(svgFile.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
    assertThat(svgFile.header("X-Content-Type-Options")).isEqualTo("nosniff");

    Response png = serve(token, MediaSamples.png(8, 8), "dot.png");
    assertThat(png.header("Content-Disposition")).startsWith("inline;");
    assertThat(png.header("Content-Security-Policy")).contains("sandbox");
  }

  private static Response serve(String token, byte[] bytes, String name) {
    String id = given().header("Authorization", "Bearer " + token)
        .multiPart("file", name, bytes).post("/api/v3/files")
        .then().statusCode(200).extract().path("[0].fileId");
    Response served = given().header("Authorization", "Bearer " + token).get("/files/" + id);
    served.then().statusCode(200);
    return served;
  }
}
