package dev.switchboard.support.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every response an integration test class received through REST Assured to the server's
 * own {@code /v3/api-docs}: the path, method and status must be documented and a JSON body must
 * match the documented schema. Fails the class after its tests ran, listing each undocumented
 * exchange once with the operation, the status and the validator's message (docs/openapi.md).
 *
 * <p>Answers that no document can describe are left out: routes that do not exist (404 on a path
 * no template matches, 405 on a documented path) and the paths of {@link #UNDOCUMENTED}.
 */
public final class OpenApiConformance implements BeforeAllCallback, BeforeEachCallback,
    AfterAllCallback {
  /** Path prefixes served outside the API document: operations, the document itself, pages. */
  static final List<String> UNDOCUMENTED = List.of("/actuator", "/v3/api-docs", "/swagger-ui",
      "/console", "/favicon.ico", "/realtime/v1/ws", "/mqtt");

  private static final Map<Integer, OpenApiDocument> DOCUMENTS = new ConcurrentHashMap<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    ExchangeRecorder.install();
    ExchangeRecorder.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExchangeRecorder.naming(context.getRequiredTestClass().getSimpleName() + "."
        + context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
    List<RecordedExchange> exchanges = ExchangeRecorder.stop();
    Set<String> problems = new LinkedHashSet<>();
    for (RecordedExchange exchange : exchanges) {
      if (ignored(exchange)) {
        continue;
      }
      OpenApiDocument document = document(exchange.port());
      if (exchange.path().equals("/") || document.template(exchange.path()).isEmpty()
          && exchange.status() == 404) {
        continue;
      }
      Optional<String> problem = document.problem(exchange);
      if (problem.isPresent() && exchange.status() == 405) {
        continue;
      }
      problem.ifPresent(p -> problems.add(p.startsWith("path") || p.startsWith("operation")
          ? exchange + ": " + p : p + "\n      seen in " + exchange.test()));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " exchange(s) of "
          + context.getRequiredTestClass().getSimpleName()
          + " not described by /v3/api-docs (see docs/openapi.md):\n  - "
          + String.join("\n  - ", new ArrayList<>(problems)));
    }
  }

  private static boolean ignored(RecordedExchange exchange) {
    return UNDOCUMENTED.stream().anyMatch(prefix -> exchange.path().startsWith(prefix));
  }

  /** The document of the server on this port, fetched once and kept under target/ to read. */
  static OpenApiDocument document(int port) throws IOException, InterruptedException {
    OpenApiDocument cached = DOCUMENTS.get(port);
    if (cached != null) {
      return cached;
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("/v3/api-docs answered " + response.statusCode());
      }
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/api-docs.json"), response.body());
      OpenApiDocument document = new OpenApiDocument(response.body());
      DOCUMENTS.put(port, document);
      return document;
    }
  }
}
