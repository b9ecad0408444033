package dev.switchboard.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.DialectEnvelope;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of the server's own {@code /v3/api-docs} with hostile and generated
 * inputs (path and query values, JSON, form and multipart bodies, wrong and wildcard content
 * types, no credential) and asserts that nothing answers a 5xx or an HTML page, that every
 * refusal comes in the envelope of the dialect that owns the path, and that the server is
 * healthy afterwards. Bounded: a fixed seed and a fixed number of requests per operation.
 */
class ApiFuzzIT extends ApiTestBase {
  private static final long SEED = 14L;
  private static final int GENERATED_PER_OPERATION = 5;
  /** Amity answers a bad server key with a text/plain 401 "Unauthorized" by design. */
  private static final String PLAIN_TEXT_BY_DESIGN = "/api/v4/authentication/token";
  private static final int TOMCAT_HEADER_BUFFER = 8 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sent = new AtomicInteger();

  private record Operation(String method, String path, JsonNode spec) {}

  private record Credentials(String allmine, String amity, String netsapiens) {
    String forPath(String path) {
      if (path.startsWith("/admin/")) {
        return ADMIN_KEY;
      }
      return switch (DialectEnvelope.of(path)) {
        case AMITY -> amity;
        case NETSAPIENS -> netsapiens;
        default -> allmine;
      };
    }
  }

  @Test
  void noInputMakesTheServerFailOrAnswerOutsideItsEnvelope() throws Exception {
    JsonNode openApi = Json.MAPPER.readTree(
        given().get("/v3/api-docs").then().statusCode(200).extract().asString());
    List<Operation> operations = new ArrayList<>();
    openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
        method -> operations.add(
            new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
    assertThat(operations).hasSizeGreaterThan(60);
    Credentials credentials = credentials();
    FuzzInputs inputs = new FuzzInputs(openApi, SEED);

    List<Runnable> requests = new ArrayList<>();
    for (Operation operation : operations) {
      String bearer = credentials.forPath(operation.path());
      for (String hostile : FuzzInputs.HOSTILE_URL_VALUES) {
        String body = body(operation, inputs, FuzzInputs.HOSTILE_STRINGS.get(
            Math.floorMod(hostile.hashCode(), FuzzInputs.HOSTILE_STRINGS.size())), false);
        requests.add(() -> send(operation, url(operation, hostile), bearer, contentType(operation), body));
      }
      for (int i = 0; i < GENERATED_PER_OPERATION; i++) {
        String target = url(operation, inputs.urlValue());
        String body = body(operation, inputs, null, true);
        requests.add(() -> send(operation, target, bearer, contentType(operation), body));
      }
      String plain = url(operation, "x");
      for (String type : List.of("*/*", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=zz", "application/json; charset=klingon")) {
        requests.add(() -> send(operation, plain, bearer, type, "{\"a\":1,\"a\":2}\u0000"));
      }
      requests.add(() -> send(operation, plain, null, contentType(operation), "{}"));
      requests.add(() -> send(operation, plain, bearer, "application/json",
          "{\"x\":\"\\ud800\",\"x\":null,\"tags\":[null],\"userIds\":[null]}"));
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    requests.forEach(pool::execute);
    pool.shutdown();
    assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).as("fuzzing finished").isTrue();

    assertThat(failures).as("%d of %d requests (seed %d)", failures.size(), sent.get(), SEED)
        .isEmpty();
    given().get("/actuator/health").then().statusCode(200);
    fixtures.as(credentials.allmine()).get("/api/v1/chats").then().statusCode(200);
  }

  private void send(Operation operation, String target, String bearer, String type, String body) {
    String what = operation.method() + " " + abbreviate(target) + " [" + type + "]";
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + target))
          .timeout(Duration.ofSeconds(30));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
        request.header("x-api-key", bearer);
      }
      if (type != null) {
        request.header("Content-Type", type);
      }
      HttpRequest.BodyPublisher publisher = body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
      request.method(operation.method(), publisher);
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      sent.incrementAndGet();
      check(operation, what, response);
    } catch (Exception | AssertionError e) {
      failures.add(what + ": " + e.getMessage());
    }
  }

  private void check(Operation operation, String what, HttpResponse<String> response) {
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 500) {
      failures.add(what + " -> " + status + " " + abbreviate(response.body()));
      return;
    }
    if (contentType.contains("html") || response.body().contains("<html")) {
      failures.add(what + " -> HTML " + status);
      return;
    }
    if (status >= 400 && !operation.path().equals(PLAIN_TEXT_BY_DESIGN)) {
      URI target = response.request().uri();
      // A request line longer than Tomcat's header buffer (8 KB) is refused before its path is
      // known: only the native envelope can answer it.
      DialectEnvelope envelope = target.getRawPath().length() + String.valueOf(target.getRawQuery())
          .length() > TOMCAT_HEADER_BUFFER ? DialectEnvelope.NATIVE : DialectEnvelope.of(target.getRawPath());
      envelope.assertError(status, contentType, response.body(), what);
    }
  }

  private static String url(Operation operation, String value) {
    String path = operation.path().replaceAll("\\{[^}]+}", value.isEmpty() ? "x" : value);
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.spec().path("parameters")) {
      if ("query".equals(parameter.path("in").asString())) {
        query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asString())
            .append('=').append(value);
      }
    }
    return path + query;
  }

  private static String contentType(Operation operation) {
    JsonNode content = operation.spec().path("requestBody").path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return null;
    }
    String declared = content.propertyNames().iterator().next();
    return declared.startsWith("multipart/") ? "multipart/form-data; boundary=fuzz" : declared;
  }

  private static String body(Operation operation, FuzzInputs inputs, String hostile, boolean wild) {
    JsonNode content = operation.spec().path("requestBody").path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return null;
    }
    Map.Entry<String, JsonNode> declared = content.properties().iterator().next();
    JsonNode schema = declared.getValue().path("schema");
    Object value = wild ? inputs.generated(schema) : inputs.withEveryString(schema, hostile);
    if (declared.getKey().startsWith("multipart/")) {
      return multipart(value);
    }
    if (declared.getKey().contains("x-www-form-urlencoded")) {
      return "grant_type=password&username=" + inputs.urlValue() + "&password=" + inputs.urlValue();
    }
    return FuzzInputs.json(value);
  }

  /** Each top-level field as a part; files get bytes that only start like a picture. */
  private static String multipart(Object value) {
    StringBuilder body = new StringBuilder();
    if (value instanceof Map<?, ?> fields) {
      fields.forEach((name, field) -> body.append("--fuzz\r\nContent-Disposition: form-data; name=\"")
          .append(name).append("\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
          .append("\u0089PNG\r\n\u001a\n\u0000\u0000").append(String.valueOf(field)).append("\r\n"));
      body.append("--fuzz\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nx\u0000y\r\n");
    }
    return body.append("--fuzz--\r\n").toString();
  }

  private Credentials credentials() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    fixtures.user(domain);
    AmityFixtures amity = new AmityFixtures(fixtures);
    String amityToken = amity.session(amity.network(), Fixtures.unique("fuzz"));
    String manager = Fixtures.unique("om");
    fixtures.admin().body(Json.of("userId", manager, "password", Fixtures.PASSWORD,
        "scope", "Office Manager")).post("/admin/v1/domains/{d}/users", domain)
        .then().statusCode(201);
    String ns = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
        .formParam("client_id", "c").formParam("client_secret", "s")
        .formParam("username", manager + "@" + domain).formParam("password", Fixtures.PASSWORD)
        .post("/ns-api/v2/tokens").then().statusCode(200).extract().path("access_token");
    return new Credentials(fixtures.token(domain, alice), amityToken, ns);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
