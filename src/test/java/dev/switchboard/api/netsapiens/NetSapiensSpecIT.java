package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static dev.switchboard.api.netsapiens.NsSpec.check;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every NetSapiens messaging operation Switchboard serves, driven over real HTTP, success and
 * error, each body validated against NetSapiens' own OpenAPI document ({@link NsSpec}). The SMS
 * sends that need a carrier are validated in {@code NetSapiensSmsIT}; here they meet none (409).
 */
class NetSapiensSpecIT extends ApiTestBase {
  private static final String MSGS = "/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages";
  private static final String SESSION = "/domains/{domain}/users/{user}/messagesessions/{messagesession}";

  /** Operations (the document's keys) whose success and error answers this class validates. */
  private static final List<String> COVERED = List.of(
      "POST /tokens 200", "POST /tokens 401", "POST /tokens#1 200", "POST /tokens#2 400",
      "POST /jwt 200", "POST /jwt 401", "POST /jwt#1 200", "POST /jwt#1 401", "POST /jwt#2 400",
      "POST /jwt#3 200", "POST /jwt#3 403", "POST /jwt#3 404", "GET /jwt 200", "GET /jwt 400",
      "DELETE /jwt 202", "DELETE /jwt/{uid} 202", "DELETE /jwt/{uid} 403",
      "DELETE /jwt/{jti}#1 202", "DELETE /jwt/{jti}#1 404",
      "POST /apikeys 200", "POST /apikeys 403", "GET /apikeys/~ 200", "GET /apikeys#1 200",
      "GET /apikeys#1 403", "GET /apikeys/{key_id} 200", "GET /apikeys/{key_id} 404",
      "PUT /apikeys/{key_id} 202", "PUT /apikeys/{key_id} 403", "PUT /apikeys/{key_id} 400",
      "DELETE /apikeys/{key_id} 202", "DELETE /apikeys/{key_id} 403",
      "GET /domains/{domain}/users 200", "GET /domains/{domain}/users 403",
      "POST /domains/{domain}/users 202", "POST /domains/{domain}/users 409",
      "POST /domains/{domain}/users 400",
      "GET /domains/{domain}/users/{user} 200", "GET /domains/{domain}/users/{user} 404",
      "GET /domains/{domain}/users/{user} 403", "GET /domains/~/users/~ 200",
      "GET /domains/{domain}/users/list 200", "GET /domains/{domain}/users/list 400",
      "GET /domains/{domain}/users/list 403",
      "POST /domains/{domain}/users/{user}/messages 202",
      "POST /domains/{domain}/users/{user}/messages 400",
      "GET /domains/{domain}/messagesessions 200", "GET /domains/{domain}/messagesessions 403",
      "GET /domains/{domain}/users/{user}/messagesessions 200",
      "GET /domains/{domain}/users/{user}/messagesessions 401",
      "GET " + SESSION + " 200", "GET " + SESSION + " 404",
      "GET " + MSGS + " 200", "GET " + MSGS + " 404",
      "POST " + MSGS + " 202", "POST " + MSGS + " 400", "POST " + MSGS + "#1 202",
      "POST " + MSGS + "#2 202", "POST " + MSGS + "#2 400", "POST " + MSGS + "#3 409",
      "PUT " + SESSION + " 202", "PUT " + SESSION + " 400", "PUT " + SESSION + "#1 202",
      "PUT " + SESSION + "/leave 202", "DELETE " + SESSION + " 202", "DELETE " + SESSION + " 404",
      "POST /domains/{domain}/smsnumbers 202", "POST /domains/{domain}/smsnumbers 400",
      "GET /domains/{domain}/smsnumbers 200", "GET /smsnumbers 200", "GET /smsnumbers 403",
      "PUT /domains/{domain}/smsnumbers/{smsnumber} 202",
      "GET /domains/{domain}/users/{user}/smsnumbers 200",
      "GET /domains/{domain}/users/{user}/smsnumbers/count 200",
      "DELETE /domains/{domain}/smsnumbers/{smsnumber} 202",
      "DELETE /domains/{domain}/smsnumbers/{smsnumber} 404");

  private NsClient ns;
  private String domain;
  private String manager;
  private String managerToken;
  private String alice;
  private String aliceToken;
  private String bob;

  @BeforeEach
  void setUp() {
    ns = new NsClient(fixtures);
    domain = ns.domain(null);
    manager = ns.user(domain, "Office Manager");
    managerToken = ns.token(domain, manager);
    alice = userWithEmail("Alice Test");
    bob = userWithEmail("Bob Jones");
    aliceToken = ns.token(domain, alice);
  }

  /** A Basic User with an e-mail address, created through POST /domains/{d}/users. */
  private String userWithEmail(String name) {
    String user = Fixtures.unique("e");
    String[] parts = name.split(" ");
    check("post", "/domains/{domain}/users", as(managerToken)
        .body(Json.of("user", user, "name-first-name", parts[0], "name-last-name", parts[1],
            "user-scope", "Basic User", "password", Fixtures.PASSWORD,
            "email", user + "@example.com"))
        .post(V2 + "/domains/{d}/users", domain)).then().statusCode(202);
    return user;
  }

  private static Response jsonPost(String path, String body) {
    return given().contentType(ContentType.JSON).body(body).post(V2 + path);
  }

  private String login(String user) {
    return Json.of("grant_type", "password", "client_id", "portal", "client_secret", "x",
        "username", user + "@" + domain, "password", Fixtures.PASSWORD);
  }

  @Test
  void tokensAndJwts() {
    Response token = check("post", "/tokens", jsonPost("/tokens", login(alice)));
    assertThat(token.jsonPath().getString("user_email")).isEqualTo(alice + "@example.com");
    check("post", "/tokens", jsonPost("/tokens", Json.of("grant_type", "password",
        "username", alice + "@" + domain, "password", "wrong-password-1"))).then().statusCode(401);
    check("post", "/tokens#1", jsonPost("/tokens", Json.of("grant_type", "refresh_token",
        "client_id", "portal", "refresh_token", token.jsonPath().getString("refresh_token"))))
        .then().statusCode(200);
    check("post", "/tokens#2", jsonPost("/tokens", Json.of("grant_type", "mfa",
        "username", alice + "@" + domain, "password", Fixtures.PASSWORD, "mfa_type",
        "authenticator", "passcode", "371706"))).then().statusCode(400);

    Response jwt = check("post", "/jwt", jsonPost("/jwt", login(alice)));
    check("post", "/jwt", jsonPost("/jwt", Json.of("username", alice + "@" + domain,
        "password", "wrong-password-1"))).then().statusCode(401);
    Response refreshed = check("post", "/jwt#1",
        jsonPost("/jwt", Json.of("refresh", jwt.jsonPath().getString("refresh"))));
    refreshed.then().statusCode(200);
    check("post", "/jwt#2", jsonPost("/jwt", Json.of("grant_type", "mfa", "username",
        alice + "@" + domain, "password", Fixtures.PASSWORD, "passcode", "123456")))
        .then().statusCode(400);

    String mine = refreshed.jsonPath().getString("token");
    Response claims = check("get", "/jwt", as(mine).get(V2 + "/jwt"));
    claims.then().statusCode(200);
    check("delete", "/jwt", as(mine).delete(V2 + "/jwt")).then().statusCode(202);
    as(mine).get(V2 + "/domains/~/users/~").then().statusCode(401);
    check("post", "/jwt#1", jsonPost("/jwt",
        Json.of("refresh", refreshed.jsonPath().getString("refresh")))).then().statusCode(401);

    String other = ns.token(domain, alice);
    String jti = as(other).get(V2 + "/jwt").jsonPath().getString("jti");
    check("delete", "/jwt/{jti}#1", as(managerToken).delete(V2 + "/jwt/{j}", jti))
        .then().statusCode(202);
    as(other).get(V2 + "/domains/~/users/~").then().statusCode(401);
    check("delete", "/jwt/{jti}#1", as(managerToken).delete(V2 + "/jwt/{j}", "0".repeat(24) + ".0"))
        .then().statusCode(404);
    // Bob may not revoke Alice's tokens: by uid 403, by jti like an unknown token (404).
    String bobToken = ns.token(domain, bob);
    String third = ns.token(domain, alice);
    check("delete", "/jwt/{uid}", as(bobToken).delete(V2 + "/jwt/{u}", alice + "@" + domain))
        .then().statusCode(403);
    as(bobToken).delete(V2 + "/jwt/{j}", as(third).get(V2 + "/jwt").jsonPath().getString("jti"))
        .then().statusCode(404);
    as(third).get(V2 + "/domains/~/users/~").then().statusCode(200);
    check("delete", "/jwt/{uid}", as(managerToken).delete(V2 + "/jwt/{u}", alice + "@" + domain))
        .then().statusCode(202);
    as(third).get(V2 + "/domains/~/users/~").then().statusCode(401);
  }

  /** Operators see a user's address and change or remove it through the admin API. */
  @Test
  void operatorsSeeAndChangeEmails() {
    String admin = "/admin/v1/domains/{d}/users/{u}";
    fixtures.admin().get(admin, domain, alice).then().statusCode(200)
        .body("email", org.hamcrest.Matchers.equalTo(alice + "@example.com"));
    fixtures.admin().body(Json.of("email", "alice.new@example.com")).patch(admin, domain, alice)
        .then().statusCode(200);
    assertThat(as(aliceToken).get(V2 + "/domains/~/users/~").jsonPath().getString("email"))
        .isEqualTo("alice.new@example.com");
    fixtures.admin().body(Json.of("email", "no-at-sign", "displayName", "Not Applied"))
        .patch(admin, domain, alice).then().statusCode(400);
    fixtures.admin().get(admin, domain, alice).then()
        .body("displayName", org.hamcrest.Matchers.equalTo("Alice Test"))
        .body("email", org.hamcrest.Matchers.equalTo("alice.new@example.com"));
    fixtures.admin().body(Json.of("email", "")).patch(admin, domain, alice).then().statusCode(200);
    Response without = as(aliceToken).get(V2 + "/domains/~/users/~");
    assertThat(without.jsonPath().getMap("$")).doesNotContainKey("email");
  }

  /** The refusals and revocations are counted for operators. */
  @Test
  void mfaRefusalsAndRevocationsAreCounted() {
    double refused = metric("switchboard_netsapiens_mfa_refused_total", "");
    double sessions = metric("switchboard_tokens_revoked_total", "what=\"session\"");
    jsonPost("/jwt", Json.of("username", alice + "@" + domain, "password", Fixtures.PASSWORD,
        "passcode", "123456")).then().statusCode(400);
    as(ns.token(domain, alice)).delete(V2 + "/jwt").then().statusCode(202);
    assertThat(metric("switchboard_netsapiens_mfa_refused_total", "")).isGreaterThanOrEqualTo(refused + 1);
    assertThat(metric("switchboard_tokens_revoked_total", "what=\"session\""))
        .isGreaterThanOrEqualTo(sessions + 1);
  }

  /** The value of the series {@code name} whose labels contain {@code label}; 0 if absent. */
  private static double metric(String name, String label) {
    String scrape = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
    return scrape.lines()
        .filter(l -> (l.startsWith(name + " ") || l.startsWith(name + "{")) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void delegatedJwtsAndApiKeys() {
    String superToken = ns.token(domain, ns.user(domain, "Super User"));
    Response created = check("post", "/apikeys", as(superToken).body(Json.of(
        "description", "Billing automation key", "domain", domain, "user-scope", "Office Manager",
        "can-create-keys", "yes")).post(V2 + "/apikeys"));
    created.then().statusCode(200);
    String keyId = created.jsonPath().getString("key-id");
    assertThat(keyId).matches("nsd_[A-Za-z0-9]{8}");
    assertThat(created.jsonPath().getString("created-datetime"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    String key = created.jsonPath().getString("key");
    check("post", "/apikeys", as(managerToken).body(Json.of("description",
        "Not allowed to make keys")).post(V2 + "/apikeys")).then().statusCode(403);

    check("get", "/apikeys/~", as(key).get(V2 + "/apikeys/~")).then().statusCode(200);
    check("get", "/jwt", as(key).get(V2 + "/jwt")).then().statusCode(400);
    // The key lists and manages the keys it creates, of lower scopes.
    String child = as(key).body(Json.of("description", "A basic key for a widget"))
        .post(V2 + "/apikeys").then().statusCode(200).extract().path("key-id");
    assertThat(child).matches("nsu_[A-Za-z0-9]{8}");
    Response listed = check("get", "/apikeys#1", as(key).get(V2 + "/apikeys"));
    assertThat(listed.jsonPath().getList("key-id", String.class)).contains(child)
        .doesNotContain(keyId);
    check("get", "/apikeys#1", as(managerToken).get(V2 + "/apikeys")).then().statusCode(403);
    Response one = check("get", "/apikeys/{key_id}", as(key).get(V2 + "/apikeys/{k}", child));
    one.then().statusCode(200);
    assertThat(one.jsonPath().getString("[0].description")).isEqualTo("A basic key for a widget");
    check("put", "/apikeys/{key_id}", as(key).body(Json.of("description",
        "The widget key, renamed")).put(V2 + "/apikeys/{k}", child)).then().statusCode(202);
    assertThat(as(superToken).get(V2 + "/apikeys/{k}", child).jsonPath()
        .getString("[0].description")).isEqualTo("The widget key, renamed");
    check("put", "/apikeys/{key_id}", as(key).body(Json.of("description", "short"))
        .put(V2 + "/apikeys/{k}", child)).then().statusCode(400);
    check("put", "/apikeys/{key_id}", as(managerToken).body(Json.of("description",
        "An office manager tries")).put(V2 + "/apikeys/{k}", child)).then().statusCode(403);
    check("delete", "/apikeys/{key_id}", as(managerToken).delete(V2 + "/apikeys/{k}", child))
        .then().statusCode(403);
    // A user who may not manage keys cannot even see that the key exists.
    check("get", "/apikeys/{key_id}", as(aliceToken).get(V2 + "/apikeys/{k}", child))
        .then().statusCode(404);

    // Delegated JWT: the key acts as Alice; a token cannot delegate; unknown user 404.
    Response delegated = check("post", "/jwt#3",
        as(key).body(Json.of("user", alice, "domain", domain)).post(V2 + "/jwt"));
    delegated.then().statusCode(200);
    as(delegated.jsonPath().getString("token")).get(V2 + "/domains/~/users/~").then()
        .statusCode(200);
    assertThat(as(delegated.jsonPath().getString("token")).get(V2 + "/jwt").jsonPath()
        .getString("user")).isEqualTo(alice);
    check("post", "/jwt#3", as(managerToken).body(Json.of("user", alice, "domain", domain))
        .post(V2 + "/jwt")).then().statusCode(403);
    check("post", "/jwt#3", as(key).body(Json.of("user", "nobody-here", "domain", domain))
        .post(V2 + "/jwt")).then().statusCode(404);

    check("delete", "/apikeys/{key_id}", as(key).delete(V2 + "/apikeys/{k}", child))
        .then().statusCode(202);
    as(key).get(V2 + "/apikeys/{k}", child).then().statusCode(404);
  }

  @Test
  void usersAndTheDirectory() {
    Response me = check("get", "/domains/~/users/~", as(aliceToken).get(V2 + "/domains/~/users/~"));
    assertThat(me.jsonPath().getString("email")).isEqualTo(alice + "@example.com");
    assertThat(me.jsonPath().getString("name-last-name")).isEqualTo("Test");
    check("get", "/domains/{domain}/users/{user}",
        as(managerToken).get(V2 + "/domains/{d}/users/{u}", domain, bob)).then().statusCode(200);
    check("get", "/domains/{domain}/users/{user}",
        as(aliceToken).get(V2 + "/domains/{d}/users/{u}", domain, bob)).then().statusCode(403);
    check("get", "/domains/{domain}/users/{user}",
        as(managerToken).get(V2 + "/domains/{d}/users/{u}", domain, "nobody")).then()
        .statusCode(404);
    check("get", "/domains/{domain}/users", as(managerToken).get(V2 + "/domains/~/users")
        .then().statusCode(200).extract().response());
    check("get", "/domains/{domain}/users", as(aliceToken).get(V2 + "/domains/~/users"))
        .then().statusCode(403);

    Response directory = check("get", "/domains/{domain}/users/list",
        as(aliceToken).get(V2 + "/domains/~/users/list"));
    directory.then().statusCode(200);
    assertThat(directory.jsonPath().getList("findAll { it.user == '" + alice
        + "' }.directory-name-number-dtmf-mapping", Integer.class)).containsExactly(837);
    // With fields, only those: the schema's required list cannot hold (docs/netsapiens.md).
    Response some = as(aliceToken).get(V2 + "/domains/~/users/list?fields=user,name-last-name");
    assertThat(some.jsonPath().getMap("[0]").keySet())
        .containsExactly("user", "name-last-name");
    check("get", "/domains/{domain}/users/list",
        as(aliceToken).get(V2 + "/domains/~/users/list?fields=user,password")).then()
        .statusCode(400);
    check("get", "/domains/{domain}/users/list",
        as(aliceToken).get(V2 + "/domains/{d}/users/list", ns.domain(null))).then()
        .statusCode(403);

    check("post", "/domains/{domain}/users", as(managerToken).body(Json.of("user", alice))
        .post(V2 + "/domains/~/users")).then().statusCode(409);
    String refused = Fixtures.unique("e");
    check("post", "/domains/{domain}/users", as(managerToken).body(Json.of("user", refused,
        "email", "not an address")).post(V2 + "/domains/~/users")).then().statusCode(400);
    as(managerToken).get(V2 + "/domains/~/users/{u}", refused).then().statusCode(404);
  }

  @Test
  void messageSessionsAndMessages() throws Exception {
    String id = NsClient.sessionId();
    String base = V2 + "/domains/~/users/~/messagesessions/" + id;
    check("post", "/domains/{domain}/users/{user}/messages", as(aliceToken)
        .body(NsClient.chat("hello", bob)).post(V2 + "/domains/~/users/~/messages"))
        .then().statusCode(202);
    check("post", "/domains/{domain}/users/{user}/messages", as(aliceToken)
        .body(Json.of("type", "fax", "message", "x", "destination", bob))
        .post(V2 + "/domains/~/users/~/messages")).then().statusCode(400);
    check("post", MSGS, as(aliceToken).body(NsClient.chat("first", bob)).post(base + "/messages"))
        .then().statusCode(202);
    check("post", MSGS, as(aliceToken).body(Json.of("type", "chat")).post(base + "/messages"))
        .then().statusCode(400);
    String carol = userWithEmail("Carol Smith");
    check("post", MSGS + "#1", as(aliceToken).body(NsClient.chat("all", List.of(bob, carol)))
        .post(V2 + "/domains/~/users/~/messagesessions/" + NsClient.sessionId() + "/messages"))
        .then().statusCode(202);
    byte[] png = png();
    check("post", MSGS + "#2", as(aliceToken).body(Json.of("type", "chat-media", "message",
        "pic", "destination", bob, "data", Base64.getEncoder().encodeToString(png),
        "mime-type", "image/png", "size", png.length)).post(base + "/messages"))
        .then().statusCode(202);
    check("post", MSGS + "#2", as(aliceToken).body(Json.of("type", "chat-media", "message",
        "pic", "destination", bob)).post(base + "/messages")).then().statusCode(400);

    Response sessions = check("get", "/domains/{domain}/users/{user}/messagesessions",
        as(aliceToken).get(V2 + "/domains/~/users/~/messagesessions"));
    assertThat(sessions.jsonPath().getString("find { it.'messagesession-id' == '" + id
        + "' }.messagesession-last-datetime")).matches(".*T.*\\+00:00");
    assertThat(sessions.jsonPath().getString("find { it.'messagesession-id' == '" + id
        + "' }.messagesession-last-timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    check("get", "/domains/{domain}/users/{user}/messagesessions",
        given().get(V2 + "/domains/~/users/~/messagesessions")).then().statusCode(401);
    check("get", "/domains/{domain}/messagesessions",
        as(managerToken).get(V2 + "/domains/~/messagesessions")).then().statusCode(200);
    check("get", "/domains/{domain}/messagesessions",
        as(aliceToken).get(V2 + "/domains/~/messagesessions")).then().statusCode(403);
    check("get", SESSION, as(aliceToken).get(base)).then().statusCode(200);
    check("get", SESSION, as(aliceToken).get(base + "x")).then().statusCode(404);
    Response messages = check("get", MSGS, as(aliceToken).get(base + "/messages"));
    // "hello" went to the pair's direct chat, which the minted id then named (ADR 0007).
    assertThat(messages.jsonPath().getList("text")).containsExactly("pic", "first", "hello");
    check("get", MSGS, as(aliceToken).get(base + "x/messages")).then().statusCode(404);

    check("put", SESSION, as(aliceToken).body(Json.of("participants",
        String.join(",", alice, bob, carol))).put(base)).then().statusCode(202);
    check("put", SESSION, as(aliceToken).body(Json.of()).put(base)).then().statusCode(400);
    check("put", SESSION + "#1", as(aliceToken).body(Json.of("session-name", "Team"))
        .put(base)).then().statusCode(202);
    check("put", SESSION + "/leave", as(ns.token(domain, carol)).put(base + "/leave"))
        .then().statusCode(202);
    check("delete", SESSION, as(aliceToken).delete(base)).then().statusCode(202);
    check("delete", SESSION, as(aliceToken).delete(base + "x")).then().statusCode(404);

    check("post", "/domains/{domain}/smsnumbers", as(managerToken).body(Json.of("number",
        "not-a-number", "application", "available")).post(V2 + "/domains/~/smsnumbers"))
        .then().statusCode(400);
    String number = "1555" + String.format("%07d", (long) (Math.random() * 9_999_999));
    check("post", "/domains/{domain}/smsnumbers", as(managerToken).body(Json.of("number", number,
        "application", "user", "dest", alice)).post(V2 + "/domains/~/smsnumbers"))
        .then().statusCode(202);
    check("post", MSGS + "#3", as(aliceToken).body(Json.of("type", "sms", "message", "hi",
        "destination", "18585551234", "from-number", number))
        .post(V2 + "/domains/~/users/~/messagesessions/" + NsClient.sessionId() + "/messages"))
        .then().statusCode(409);
    check("get", "/domains/{domain}/smsnumbers", as(managerToken).get(V2 + "/domains/~/smsnumbers"))
        .then().statusCode(200);
    check("get", "/smsnumbers", as(ns.token(domain, ns.user(domain, "Super User")))
        .get(V2 + "/smsnumbers")).then().statusCode(200);
    check("get", "/smsnumbers", as(managerToken).get(V2 + "/smsnumbers")).then().statusCode(403);
    check("get", "/domains/{domain}/users/{user}/smsnumbers",
        as(aliceToken).get(V2 + "/domains/~/users/~/smsnumbers")).then().statusCode(200);
    check("get", "/domains/{domain}/users/{user}/smsnumbers/count",
        as(aliceToken).get(V2 + "/domains/~/users/~/smsnumbers/count")).then().statusCode(200);
    check("put", "/domains/{domain}/smsnumbers/{smsnumber}", as(managerToken)
        .body(Json.of("application", "available")).put(V2 + "/domains/~/smsnumbers/{n}", number))
        .then().statusCode(202);
    check("delete", "/domains/{domain}/smsnumbers/{smsnumber}",
        as(managerToken).delete(V2 + "/domains/~/smsnumbers/{n}", number)).then().statusCode(202);
    check("delete", "/domains/{domain}/smsnumbers/{smsnumber}",
        as(managerToken).delete(V2 + "/domains/~/smsnumbers/{n}", number)).then().statusCode(404);
  }

  private static byte[] png() throws Exception {
    var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Every listed operation was answered and validated, success and error alike. */
  @AfterAll
  static void everyOperationWasValidated() {
    assertThat(NsSpec.VALIDATED).containsAll(COVERED);
  }
}
