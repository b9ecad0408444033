package dev.switchboard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.rate-limits.*}: request rate limits by route group. Each group lists its
 * routes ({@code [METHOD ]pattern}) and its limits per user and per client address, each a list
 * of {@code <count>/<period>} (e.g. {@code 100/5s}); the group named {@code default} takes every
 * request no other group claims. Groups are tried in the order they are declared.
 *
 * @param enabled false switches every request rate limit off (the login throttle stays on)
 * @param groups the route groups by name
 */
@ConfigurationProperties("switchboard.rate-limits")
public record RateLimitProperties(Boolean enabled, Map<String, Group> groups) {
  public RateLimitProperties {
    enabled = enabled == null || enabled;
    groups = groups == null ? new LinkedHashMap<>() : groups;
  }

  public record Group(List<String> paths, List<String> perUser, List<String> perClient) {
    public Group {
      paths = paths == null ? List.of() : paths;
      perUser = perUser == null ? List.of() : perUser;
      perClient = perClient == null ? List.of() : perClient;
    }
  }
}
