package dev.switchboard.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The mapping gives Spring's answer for every request — the same handler, or the same refusal —
 * while asking Spring's conditions about fewer mappings.
 */
class LiteralHeadHandlerMappingTest {
  @RestController
  static class Routes {
    @GetMapping("/api/v1/messages/chat/{chatId}")
    void history() {}

    @PostMapping("/api/v1/messages/chat/{chatId}/read")
    void read() {}

    @GetMapping("/api/v1/messages/chat")
    void chats() {}

    @DeleteMapping("/api/v3/channels/{id}")
    void deleteChannel() {}

    @GetMapping("/api/v3/channels/{id}/members")
    void members() {}

    @GetMapping({"/left/{x}", "/right/{x}"})
    void either() {}

    @GetMapping("/reports/{name}.csv")
    void report() {}

    @GetMapping("/Case/{x}")
    void caseSensitive() {}

    @GetMapping("/files/{*path}")
    void files() {}
  }

  /** Request (method and raw URI) → the handler Spring picks, or the refusal it throws. */
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("GET /api/v1/messages/chat/c1", "history");
    EXPECTED.put("GET /api/v1/messages/chat/c%31", "history");
    EXPECTED.put("GET /api/v%31/messages/chat/c1", "history"); // literals compare decoded
    EXPECTED.put("GET /api;x=1/v1/messages/chat/c1", "history"); // and without matrix variables
    EXPECTED.put("GET /api/v1/messages/chat", "chats");
    EXPECTED.put("POST /api/v1/messages/chat/c1/read", "read");
    EXPECTED.put("DELETE /api/v1/messages/chat/c1", "HttpRequestMethodNotSupportedException");
    EXPECTED.put("GET /api/v3/channels/c1", "HttpRequestMethodNotSupportedException");
    EXPECTED.put("GET /api/v3/channels/c1/members", "members");
    EXPECTED.put("GET /right/7", "either");
    EXPECTED.put("GET /reports/may.csv", "report");
    EXPECTED.put("GET /case/x", "none");
    EXPECTED.put("GET /Case/x", "caseSensitive");
    EXPECTED.put("GET /files/a/b/c", "files");
    EXPECTED.put("GET /api/v1/messages/chat/", "none"); // no trailing-slash match
    EXPECTED.put("GET /api//v1/messages/chat/c1", "none"); // not filtered: Spring decides
    EXPECTED.put("GET /", "none");
    EXPECTED.put("GET /nowhere/at/all", "none");
  }

  @Test
  void answersEveryRequestAsSpringDoes() throws Exception {
    RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    RequestMappingHandlerMapping filtered = mapping(new LiteralHeadHandlerMapping());
    for (Map.Entry<String, String> request : EXPECTED.entrySet()) {
      assertThat(lookup(spring, request.getKey(), new AtomicInteger()))
          .as("Spring, " + request.getKey())
          .isEqualTo(request.getValue());
      assertThat(lookup(filtered, request.getKey(), new AtomicInteger()))
          .as("filtered, " + request.getKey())
          .isEqualTo(request.getValue());
    }
  }

  @Test
  void asksSpringOnlyAboutMappingsWhoseHeadThePathHas() throws Exception {
    RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    RequestMappingHandlerMapping filtered = mapping(new LiteralHeadHandlerMapping());
    AtomicInteger springReads = new AtomicInteger();
    AtomicInteger filteredReads = new AtomicInteger();
    lookup(spring, "GET /api/v3/channels/c1/members", springReads);
    lookup(filtered, "GET /api/v3/channels/c1/members", filteredReads);
    // Spring reads the method several times for each mapping it tries (the method condition,
    // the CORS pre-flight checks) and, as the path has variables, it tries all nine; the
    // filtered lookup tries only the two /api/v3/channels mappings (40 reads against 8 today).
    assertThat(springReads.get()).isGreaterThanOrEqualTo(9);
    assertThat(filteredReads.get()).isPositive().isLessThan(springReads.get() / 3);
  }

  @Test
  void reducesPatternsToTheirLiteralHead() {
    assertThat(LiteralHeadHandlerMapping.literalHead("/api/v1/messages/chat/{chatId}/read"))
        .containsExactly("api", "v1", "messages", "chat");
    assertThat(LiteralHeadHandlerMapping.literalHead("/reports/{name}.csv")).containsExactly("reports");
    assertThat(LiteralHeadHandlerMapping.literalHead("/a/b?c/d")).containsExactly("a");
    assertThat(LiteralHeadHandlerMapping.literalHead("/a/**")).containsExactly("a");
    assertThat(LiteralHeadHandlerMapping.literalHead("/{*path}")).isEmpty();
    assertThat(LiteralHeadHandlerMapping.literalHead("relative/path")).isEmpty();
  }

  private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
    GenericWebApplicationContext context = new GenericWebApplicationContext();
    context.registerBean(Routes.class);
    context.refresh();
    mapping.setApplicationContext(context);
    mapping.afterPropertiesSet();
    return mapping;
  }

  /** The handler method's name, the exception's simple name, or "none". */
  private static String lookup(RequestMappingHandlerMapping mapping, String request, AtomicInteger methodReads)
      throws Exception {
    String[] parts = request.split(" ", 2);
    MockHttpServletRequest servletRequest =
        new MockHttpServletRequest(parts[0], parts[1]) {
          @Override
          public String getMethod() {
            methodReads.incrementAndGet();
            return super.getMethod();
          }
        };
    ServletRequestPathUtils.parseAndCache(servletRequest);
    try {
      HandlerExecutionChain chain = mapping.getHandler(servletRequest);
      return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    } catch (Exception refused) {
      return refused.getClass().getSimpleName();
    }
  }
}
