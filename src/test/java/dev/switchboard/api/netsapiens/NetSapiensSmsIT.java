package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchboard.sms.TestSmsc;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.WireShape;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS through the dialect against a real in-process SMSC: the send leaves over SMPP, the
 * delivery receipt's status shows on the message and in the change log, and a reply from the
 * phone lands in the same session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetSapiensSmsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int SMSC_PORT = TestSmsc.freePort();
  private static final TestSmsc SMSC = new TestSmsc(SMSC_PORT);

  @LocalServerPort int port;

  private NsClient ns;
  private String domain;
  private String alice;
  private String token;
  private String number;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String dataDir = Files.createTempDirectory("switchboard-ns-sms-").toString();
    registry.add("switchboard.data-dir", () -> dataDir);
    registry.add("switchboard.admin-key", () -> ApiTestBase.ADMIN_KEY);
    registry.add("switchboard.sms.smpp.host", () -> "127.0.0.1");
    registry.add("switchboard.sms.smpp.port", () -> SMSC_PORT);
    registry.add("switchboard.sms.smpp.system-id", () -> "switchboard");
    registry.add("switchboard.sms.smpp.password", () -> "secret");
    registry.add("switchboard.sms.outbox.poll-interval", () -> "100ms");
  }

  @AfterAll
  static void stopSmsc() {
    SMSC.close();
  }

  @BeforeEach
  void setUp() {
    RestAssured.port = port;
    ns = new NsClient(new Fixtures(ApiTestBase.ADMIN_KEY));
    domain = ns.domain(null);
    alice = ns.user(domain, "Basic User");
    token = ns.token(domain, alice);
    number = "1555" + String.format("%07d", (long) (Math.random() * 9_999_999));
    String manager = ns.token(domain, ns.user(domain, "Office Manager"));
    as(manager).body(Json.of("number", number, "application", "user", "dest", alice))
        .post(V2 + "/domains/~/smsnumbers").then().statusCode(202);
    await().atMost(WAIT).until(SMSC::bound);
  }

  private String messages(String session) {
    return V2 + "/domains/~/users/~/messagesessions/" + session + "/messages";
  }

  @Test
  void anSmsLeavesOverSmppAndItsDeliveryShowsOnTheMessageAndInTheChangeLog() throws Exception {
    String session = NsClient.sessionId();
    String phone = "1858" + number.substring(4);
    NsSpec.check("post", "/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages#3",
        as(token).body(Json.of("type", "sms", "message", "Your table is ready", "destination",
            phone, "from-number", number)).post(messages(session))).then().statusCode(202);

    await().atMost(WAIT).until(() -> SMSC.submits.stream()
        .anyMatch(s -> s.getDestAddress().equals(phone)));
    assertThat(SMSC.submits.stream().filter(s -> s.getDestAddress().equals(phone)).findFirst()
        .orElseThrow().getSourceAddr()).isEqualTo(number);
    await().atMost(WAIT).until(() -> "sent".equals(status(session)));

    int index = indexOfSubmitTo(phone);
    SMSC.sendReceipt(SMSC.acceptedIds().get(index), "DELIVRD");
    await().atMost(WAIT).until(() -> "delivered".equals(status(session)));

    Response listed = as(token).get(messages(session));
    listed.then().body("[0].type", equalTo("sms")).body("[0].direction", equalTo("term"))
        .body("[0].from-number", equalTo(number)).body("[0].terminating-number", equalTo(phone));
    Response sessions = as(token).get(V2 + "/domains/~/users/~/messagesessions");
    sessions.then().body("[0].messagesession-sms-number", equalTo(number))
        .body("[0].messagesession-remote", equalTo(phone));
    WireShape.assertMatches("netsapiens/messagesessions.json", sessions.asString());

    String conversationId = new Fixtures(ApiTestBase.ADMIN_KEY).as(token).get("/api/v1/chats")
        .then().extract().path("data.chats[0]._id");
    Response changes = new Fixtures(ApiTestBase.ADMIN_KEY).as(token)
        .queryParam("conversationId", conversationId).queryParam("after", 0)
        .get("/realtime/v1/changes");
    List<String> statuses = changes.jsonPath()
        .getList("changes.findAll { it.event == 'message.status' }.data.status");
    assertThat(statuses).containsSubsequence("sent", "delivered");

    SMSC.sendMo(phone, number, (byte) 0, false, "Thanks!".getBytes(StandardCharsets.US_ASCII));
    await().atMost(WAIT).until(() ->
        as(token).get(messages(session)).jsonPath().getList("text").contains("Thanks!"));
    as(token).get(messages(session)).then()
        .body("text", contains("Thanks!", "Your table is ready"))
        .body("[0].direction", equalTo("orig")).body("[0].from-number", equalTo(phone));
    as(token).get(V2 + "/domains/~/users/~/messagesessions").then().body("$", hasSize(1))
        .body("[0].messagesession-last-status", equalTo("unread"))
        .body("[0].messagesession-last-sender", equalTo(phone));
  }

  /** An MMS: its text leaves over SMPP, its media stay with the message (docs/netsapiens.md). */
  @Test
  void anMmsSendsItsTextAndKeepsItsMedia() throws Exception {
    var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    byte[] bytes = png.toByteArray();
    String session = NsClient.sessionId();
    String phone = "1859" + number.substring(4);
    String path = "/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages";
    NsSpec.check("post", path + "#5", as(token).body(Json.of("type", "mms", "message",
            "See the menu", "destination", phone, "from-number", number, "data",
            java.util.Base64.getEncoder().encodeToString(bytes), "mime-type", "image/png",
            "size", bytes.length)).post(messages(session))).then().statusCode(202);
    await().atMost(WAIT).until(() -> SMSC.submits.stream()
        .anyMatch(s -> s.getDestAddress().equals(phone)));
    assertThat(new String(SMSC.submits.get(indexOfSubmitTo(phone)).getShortMessage(),
        StandardCharsets.UTF_8)).isEqualTo("See the menu");
    NsSpec.check("get", path, as(token).get(messages(session))).then().statusCode(200)
        .body("[0].type", equalTo("mms")).body("[0].media-type", equalTo("image/png"));
  }

  @Test
  void aGroupSmsGoesToEachNumberAndAForeignFromNumberIsRefused() {
    String first = "1777" + number.substring(4);
    String second = "1778" + number.substring(4);
    String session = NsClient.sessionId();
    NsSpec.check("post", "/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages#4",
        as(token).body(Json.of("type", "sms", "message", "Team update", "destination",
            List.of(first, second), "from-number", number)).post(messages(session)))
        .then().statusCode(202);
    NsSpec.check("get", "/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages",
        as(token).get(messages(session))).then().statusCode(200);
    NsSpec.check("get", "/domains/{domain}/users/{user}/messagesessions",
        as(token).get(V2 + "/domains/~/users/~/messagesessions")).then().statusCode(200);
    await().atMost(WAIT).until(() -> SMSC.submits.stream().map(s -> s.getDestAddress())
        .toList().containsAll(List.of(first, second)));
    as(token).get(V2 + "/domains/~/users/~/messagesessions/" + session).then()
        .body("[0].messagesession-type", equalTo("group-sms"));
    as(token).body(Json.of("session-name", "Nope")).put(V2 + "/domains/~/users/~/messagesessions/"
        + session).then().statusCode(400);

    String bob = ns.user(domain, "Basic User");
    as(ns.token(domain, bob)).body(Json.of("type", "sms", "message", "hi", "destination", first,
            "from-number", number))
        .post(messages(NsClient.sessionId())).then().statusCode(403);
    as(token).body(Json.of("type", "sms", "message", "hi", "destination", first,
            "from-number", "19999999999"))
        .post(messages(NsClient.sessionId())).then().statusCode(400);
  }

  private String status(String session) {
    return as(token).get(messages(session)).jsonPath().getString("[0].status");
  }

  private static int indexOfSubmitTo(String phone) {
    var submits = SMSC.submits;
    for (int i = 0; i < submits.size(); i++) {
      if (submits.get(i).getDestAddress().equals(phone)) {
        return i;
      }
    }
    throw new AssertionError("no submit to " + phone);
  }
}
