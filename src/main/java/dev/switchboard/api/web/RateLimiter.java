package dev.switchboard.api.web;

import dev.switchboard.ratelimit.BucketKeys;
import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.RateBuckets;
import dev.switchboard.ratelimit.Verdict;
import dev.switchboard.shared.RateLimitExceeded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;

/**
 * The request rate limits of every dialect: each request belongs to the first {@link RouteGroup}
 * that matches it, and counts against that group's bucket for its client address (checked
 * first, by {@link ClientRateLimitFilter}) and for its caller (checked by {@link
 * EarlyAuthentication} once the credential is known, before any body is read). Refusals are
 * counted in {@code switchboard.ratelimit.refusals}, tagged by group, dialect and limit.
 */
public class RateLimiter {
  private static final String GROUP = RateLimiter.class.getName() + ".group";
  private static final String MESSAGE = "Too many requests; slow down";

  private final List<RouteGroup> groups;
  private final RateBuckets buckets;
  private final DialectErrorRouter dialects;
  private final MeterRegistry meters;

  /** {@code groups} in the order they are tried; the last should match everything. */
  public RateLimiter(
      List<RouteGroup> groups, RateBuckets buckets, DialectErrorRouter dialects, MeterRegistry meters) {
    this.groups = List.copyOf(groups);
    this.buckets = buckets;
    this.dialects = dialects;
    this.meters = meters;
  }

  /** Refuses the request when its client address has used up the group's budget. */
  public void checkClient(HttpServletRequest request) {
    RouteGroup group = groupOf(request);
    if (group != null && !group.perClient().isEmpty()) {
      check(request, group, "client", request.getRemoteAddr(), group.perClient());
    }
  }

  /** Refuses the request when its caller ({@code subject}) has used up the group's budget. */
  public void checkCaller(HttpServletRequest request, String subject) {
    RouteGroup group = groupOf(request);
    if (group != null && !group.perUser().isEmpty()) {
      check(request, group, "user", subject, group.perUser());
    }
  }

  private void check(
      HttpServletRequest request, RouteGroup group, String limit, String subject, List<Limit> limits) {
    Verdict verdict =
        buckets.tryConsume(BucketKeys.of("rate-" + limit + "-" + group.name(), subject), limits);
    if (!verdict.allowed()) {
      refusals(group, request, limit).increment();
      throw new RateLimitExceeded(MESSAGE, verdict.retryAfter());
    }
  }

  private Counter refusals(RouteGroup group, HttpServletRequest request, String limit) {
    return Counter.builder("switchboard.ratelimit.refusals")
        .description("Requests refused with 429 by the rate limits")
        .tag("group", group.name())
        .tag("dialect", dialects.forPath(request.getRequestURI()).name())
        .tag("limit", limit)
        .register(meters);
  }

  private RouteGroup groupOf(HttpServletRequest request) {
    Object known = request.getAttribute(GROUP);
    if (known instanceof RouteGroup group) {
      return group;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    for (RouteGroup group : groups) {
      if (group.matches(request.getMethod(), path)) {
        request.setAttribute(GROUP, group);
        return group;
      }
    }
    return null;
  }
}
