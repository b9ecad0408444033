package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the Amity SDK does at login: v5 session, chat settings, the legacy socket.io answer. */
class AmitySdkLoginIT extends ApiTestBase {
  @Autowired MeterRegistry meters;

  private Response v5Session(Network network, String userId, String cookieHeader) {
    return new AmityFixtures(fixtures).withApiKey(network)
        .header("set-access-token-cookie", cookieHeader)
        .body(Json.of("userId", userId, "displayName", "SDK " + userId, "deviceId", "sdk-device",
            "deviceInfo", java.util.Map.of("kind", "web", "model", "node", "sdkVersion", "6.35.3")))
        .post("/api/v5/sessions");
  }

  @Test
  void v5SessionsAreV4SessionsAndRefuseInAmitysShape() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String user = "sdk-" + System.nanoTime();
    Response opened = v5Session(network, user, "true");
    opened.then().statusCode(200)
        .body("accessToken", notNullValue())
        .body("users[0].userId", equalTo(user))
        .body("users[0].displayName", equalTo("SDK " + user))
        .body("users[0].hashFlag.bits", notNullValue());
    assertThat(opened.getHeader("Set-Cookie")).isNull();
    WireShape.assertMatches("amity/session.json", opened.asString());
    amity.as(opened.path("accessToken")).get("/api/v3/sessions").then().statusCode(200);

    Response badKey = new AmityFixtures(fixtures).withApiKey(new Network(network.domain(), "nope"))
        .body(Json.of("userId", user, "deviceId", "d")).post("/api/v5/sessions");
    badKey.then().statusCode(401).body("status", equalTo("error")).body("code", equalTo(400100));
    WireShape.assertMatches("amity/error.json", badKey.asString());

    v5Session(network, user, "maybe").then().statusCode(400).body("code", equalTo(400000));
    amity.withApiKey(network).body(Json.of("deviceId", "d")).post("/api/v5/sessions")
        .then().statusCode(400).body("code", equalTo(400000));
  }

  @Test
  void chatSettingsAreWhatTheSdkNeedsAtLogin() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), "settings-" + System.nanoTime());
    amity.as(token).get("/api/v3/network-settings/chat").then().statusCode(200)
        .body("enabled", equalTo(true))
        .body("messagePreview.enabled", equalTo(true))
        .body("messagePreview.isIncludeDeleted", equalTo(true))
        .body("marker.enabled", equalTo(true))
        .body("mention.isAllowMentionedChannelEnabled", equalTo(true));
    Response anonymous = io.restassured.RestAssured.given().get("/api/v3/network-settings/chat");
    anonymous.then().statusCode(401).body("code", equalTo(400100));
    WireShape.assertMatches("amity/error.json", anonymous.asString());
  }

  @Test
  void v5AndMarkerPathsAnswerInAmitysErrorBody() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), "errors-" + System.nanoTime());
    for (String path : new String[] {"/api/v5/nothing-here", "/api/v1/markers/nothing-here"}) {
      Response missing = amity.as(token).get(path);
      missing.then().statusCode(404).body("status", equalTo("error")).body("code", equalTo(400400));
      WireShape.assertMatches("amity/error.json", missing.asString());
    }
  }

  @Test
  void theLegacySocketIoConnectionIsHeldOpenCheaply() throws Exception {
    AmityFixtures amity = new AmityFixtures(fixtures);
    String token = amity.session(amity.network(), "io-" + System.nanoTime());
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    HttpClient http = HttpClient.newHttpClient();
    double before = gauge();
    WebSocket socket = http.newWebSocketBuilder()
        .buildAsync(socketIo(token), collector(frames)).get(10, TimeUnit.SECONDS);

    String open = frames.poll(10, TimeUnit.SECONDS);
    assertThat(open).startsWith("0{\"sid\":").contains("\"upgrades\":[]").contains("\"pingInterval\":25000");
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("40");
    socket.sendText("2", true).get(10, TimeUnit.SECONDS);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3");
    socket.sendText("2probe", true).get(10, TimeUnit.SECONDS);
    assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
    assertThat(gauge()).isEqualTo(before + 1);
    socket.sendText("1", true).get(10, TimeUnit.SECONDS);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gauge() == before);

    assertThatThrownBy(() -> http.newWebSocketBuilder()
            .buildAsync(socketIo("not-a-token"), collector(frames)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
            .isEqualTo(401));
  }

  private double gauge() {
    return meters.get("switchboard.amity.socketio.connections").gauge().value();
  }

  private URI socketIo(String token) {
    return URI.create("ws://localhost:" + port + "/socket.io/?token=" + token + "&EIO=3&transport=websocket");
  }

  private static WebSocket.Listener collector(BlockingQueue<String> frames) {
    return new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          frames.add(partial.toString());
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }
    };
  }
}
