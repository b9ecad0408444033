package dev.switchboard.support.openapi;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A REST Assured filter, installed once for every request of the JVM, that remembers each
 * exchange while a test class that checks the OpenAPI document runs ({@link OpenApiConformance}).
 * Requests made outside such a class (raw sockets, the JDK client, other servers) are not seen.
 */
public final class ExchangeRecorder implements Filter {
  private static final ExchangeRecorder INSTANCE = new ExchangeRecorder();
  private static final List<RecordedExchange> EXCHANGES = new ArrayList<>();
  private static volatile String currentTest;

  private ExchangeRecorder() {}

  /** Installs the filter in REST Assured's global configuration (idempotent). */
  static synchronized void install() {
    if (!RestAssured.filters().contains(INSTANCE)) {
      RestAssured.filters(INSTANCE);
    }
  }

  static synchronized void start() {
    EXCHANGES.clear();
    currentTest = "";
  }

  static void naming(String test) {
    currentTest = test;
  }

  /** The exchanges since {@link #start()}, and stops recording. */
  static synchronized List<RecordedExchange> stop() {
    List<RecordedExchange> recorded = List.copyOf(EXCHANGES);
    EXCHANGES.clear();
    currentTest = null;
    return recorded;
  }

  @Override
  public Response filter(FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec, FilterContext ctx) {
    Response response = ctx.next(request, responseSpec);
    String test = currentTest;
    if (test != null) {
      URI uri = URI.create(request.getURI());
      String type = response.contentType();
      // Only JSON bodies are validated; binary downloads are checked by media type alone.
      String body = type != null && type.contains("json") ? response.asString() : "";
      synchronized (ExchangeRecorder.class) {
        EXCHANGES.add(new RecordedExchange(uri.getPort(), request.getMethod(), uri.getPath(),
            response.statusCode(), type, body, test));
      }
    }
    return response;
  }
}
