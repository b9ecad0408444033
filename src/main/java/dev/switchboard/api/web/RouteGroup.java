package dev.switchboard.api.web;

import dev.switchboard.ratelimit.Limit;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A named group of routes with its rate limits: per user (the authenticated caller, or the API
 * key of a session request) and per client address. Routes are written {@code [METHOD ]pattern},
 * e.g. {@code POST /api/v4/sessions} or {@code /admin/**}; a group without routes matches
 * everything (the {@code default} group).
 */
public record RouteGroup(String name, List<Route> routes, List<Limit> perUser, List<Limit> perClient) {
  public RouteGroup {
    routes = List.copyOf(routes);
    perUser = List.copyOf(perUser);
    perClient = List.copyOf(perClient);
  }

  /** One route: a method (or any) and a path pattern. */
  public record Route(String method, PathPattern pattern) {
    public static Route parse(String text) {
      String trimmed = text.trim();
      int space = trimmed.indexOf(' ');
      String method = space < 0 ? null : trimmed.substring(0, space).toUpperCase(Locale.ROOT);
      String path = space < 0 ? trimmed : trimmed.substring(space + 1).trim();
      return new Route(method, PathPatternParser.defaultInstance.parse(path));
    }

    boolean matches(String requestMethod, PathContainer path) {
      return (method == null || method.equals(requestMethod)) && pattern.matches(path);
    }
  }

  boolean matches(String method, PathContainer path) {
    return routes.isEmpty() || routes.stream().anyMatch(route -> route.matches(method, path));
  }
}
