package dev.switchboard.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ApiTestBase;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route of the application is found by the server's request mapping exactly as Spring's own
 * would find it: for each mapping, a request built from each of its patterns (variables filled
 * in) and methods goes to both, and both pick the same handler method.
 */
class RouteLookupIT extends ApiTestBase {
  @Autowired ConfigurableApplicationContext context;
  @Autowired RequestMappingHandlerMapping requestMappingHandlerMapping;

  @Test
  void everyRouteResolvesAsWithSpringsOwnMapping() throws Exception {
    assertThat(requestMappingHandlerMapping).isInstanceOf(LiteralHeadHandlerMapping.class);
    RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
    spring.setPatternParser(requestMappingHandlerMapping.getPatternParser());
    spring.setContentNegotiationManager(requestMappingHandlerMapping.getContentNegotiationManager());
    spring.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
    spring.setApplicationContext(context);
    spring.afterPropertiesSet();

    Map<RequestMappingInfo, HandlerMethod> routes = requestMappingHandlerMapping.getHandlerMethods();
    assertThat(routes).hasSizeGreaterThan(150);
    int requests = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> route : routes.entrySet()) {
      Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
      String contentType =
          route.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
              .findFirst()
              .map(Object::toString)
              .orElse("application/json");
      for (PathPattern pattern : route.getKey().getPathPatternsCondition().getPatterns()) {
        String path = concrete(pattern.getPatternString());
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          String found = lookup(requestMappingHandlerMapping, method.asHttpMethod(), path, contentType);
          assertThat(found).as(method + " " + path).isEqualTo(lookup(spring, method.asHttpMethod(), path, contentType));
          if (!methods.isEmpty()) {
            assertThat(found).as(method + " " + path + " finds a handler").doesNotStartWith("!");
          }
          requests++;
        }
      }
    }
    assertThat(requests).isGreaterThanOrEqualTo(routes.size());
  }

  /** "/api/v3/channels/{channelId}/members" → "/api/v3/channels/v7/members". */
  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{\\*[^}]+}", "v7/w8").replaceAll("\\{[^}]+}", "v7");
  }

  private static String lookup(
      RequestMappingHandlerMapping mapping, HttpMethod method, String path, String contentType)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
    request.addHeader("Accept", "*/*");
    request.setContentType(contentType);
    ServletRequestPathUtils.parseAndCache(request);
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      return chain == null ? "!none" : ((HandlerMethod) chain.getHandler()).getMethod().toString();
    } catch (Exception refused) {
      return "!" + refused.getClass().getSimpleName();
    }
  }
}
