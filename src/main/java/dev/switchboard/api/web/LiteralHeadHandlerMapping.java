package dev.switchboard.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with the mappings a request's path cannot match set aside before
 * Spring's own conditions judge the rest.
 *
 * <p>Why: a path with variables ({@code /api/v1/messages/chat/{chatId}}) has no direct lookup,
 * so Spring tries every mapping of the application in turn — ~190 here, each reading the method,
 * the {@code Accept} header and the parsed path through the request's wrappers. Measured with
 * JFR on 2026-12-06, that loop was 19.5 % of a history page's CPU (spring-framework#24901 and
 * #34461 describe the same; Spring keeps the linear scan).
 *
 * <p>How: each mapping's path patterns are reduced, once, to their literal head — the segments
 * before the first variable or wildcard ({@code api, v1, messages, chat}). A pattern can only
 * match a path that starts with those segments, compared exactly as Spring's literal path
 * elements compare them (decoded, without matrix variables, case as the parser says), so a
 * mapping none of whose heads the path has is answered "no match" without asking Spring; every
 * other mapping goes through {@link RequestMappingHandlerMapping#getMatchingMapping} unchanged.
 * A request that matches nothing still reaches Spring's no-match handling over all mappings (the
 * 405, 406 and 415 answers), and a path of an unusual shape (not "/segment/segment…") is not
 * filtered at all. {@code LiteralHeadHandlerMappingTest} checks the answers against Spring's.
 */
public class LiteralHeadHandlerMapping extends RequestMappingHandlerMapping {
  /** The path of the request being looked up, split into segments, on the looking-up thread. */
  private static final ThreadLocal<String[]> REQUEST_SEGMENTS = new ThreadLocal<>();

  /**
   * Per mapping, the literal heads of its patterns; a mapping absent here is never set aside.
   * Keyed by identity (Spring asks with the registered instance): a hash map's equals on a
   * colliding {@link RequestMappingInfo} compares all its conditions, which cost as much as the
   * scan saved. Copied on write, as mappings are registered at start-up and read on every request.
   */
  private volatile Map<RequestMappingInfo, String[][]> heads = new IdentityHashMap<>();

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    String[][] literalHeads = literalHeads(mapping);
    if (literalHeads != null) {
      synchronized (this) {
        Map<RequestMappingInfo, String[][]> copy = new IdentityHashMap<>(heads);
        copy.put(mapping, literalHeads);
        heads = copy;
      }
    }
  }

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    String[] outer = REQUEST_SEGMENTS.get(); // a lookup within a lookup keeps its own
    String[] segments = segments(request); // null: nothing is set aside
    if (segments == null) {
      REQUEST_SEGMENTS.remove();
    } else {
      REQUEST_SEGMENTS.set(segments);
    }
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      if (outer == null) {
        REQUEST_SEGMENTS.remove();
      } else {
        REQUEST_SEGMENTS.set(outer);
      }
    }
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    String[] segments = REQUEST_SEGMENTS.get();
    String[][] literalHeads = segments == null ? null : heads.get(info);
    if (literalHeads != null && !admitsAny(literalHeads, segments)) {
      return null;
    }
    return super.getMatchingMapping(info, request);
  }

  private boolean admitsAny(String[][] literalHeads, String[] segments) {
    boolean caseSensitive = getPatternParser() == null || getPatternParser().isCaseSensitive();
    for (String[] head : literalHeads) {
      if (startsWith(segments, head, caseSensitive)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String[] segments, String[] head, boolean caseSensitive) {
    if (segments.length < head.length) {
      return false;
    }
    for (int i = head.length - 1; i >= 0; i--) { // the last segments tell mappings apart
      boolean same =
          caseSensitive ? head[i].equals(segments[i]) : head[i].equalsIgnoreCase(segments[i]);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The literal heads of a mapping's patterns, or null when it has none to filter by. */
  static String[][] literalHeads(RequestMappingInfo mapping) {
    PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
    if (patterns == null || patterns.getPatterns().isEmpty()) {
      return null; // no patterns (or the legacy path matcher): Spring alone decides
    }
    List<String[]> result = new ArrayList<>();
    for (PathPattern pattern : patterns.getPatterns()) {
      String[] head = literalHead(pattern.getPatternString());
      if (head.length == 0) {
        return null; // a pattern such as "/{*path}" may match any path
      }
      result.add(head);
    }
    return result.toArray(String[][]::new);
  }

  /** "/api/v1/messages/chat/{chatId}" → [api, v1, messages, chat]; empty when it has no head. */
  static String[] literalHead(String pattern) {
    if (!pattern.startsWith("/")) {
      return new String[0];
    }
    List<String> head = new ArrayList<>();
    for (String segment : pattern.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.chars().anyMatch(c -> "{}*?".indexOf(c) >= 0)) {
        break;
      }
      head.add(segment);
    }
    return head.toArray(String[]::new);
  }

  /**
   * The decoded segments of the request's path within the application, as Spring's path
   * patterns see them; null when the path is not parsed or not plainly "/a/b/c".
   */
  static String[] segments(HttpServletRequest request) {
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return null;
    }
    List<PathContainer.Element> elements =
        ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().elements();
    String[] segments = new String[elements.size() / 2];
    for (int i = 0; i < elements.size(); i++) {
      PathContainer.Element element = elements.get(i);
      boolean separatorExpected = i % 2 == 0;
      if (separatorExpected != element instanceof PathContainer.Separator) {
        return null;
      }
      if (!separatorExpected) {
        segments[i / 2] = ((PathContainer.PathSegment) element).valueToMatch();
      }
    }
    return segments;
  }
}
