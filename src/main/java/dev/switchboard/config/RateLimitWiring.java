package dev.switchboard.config;

import dev.switchboard.access.LoginThrottle;
import dev.switchboard.api.web.DialectErrorRouter;
import dev.switchboard.api.web.RateLimiter;
import dev.switchboard.api.web.RouteGroup;
import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.RateBuckets;
import dev.switchboard.ratelimit.internal.LocalRateBuckets;
import dev.switchboard.ratelimit.internal.RedisRateBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Token buckets (local or Redis), the request rate limits and the login throttle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitWiring {
  private static final Logger log = LoggerFactory.getLogger(RateLimitWiring.class);
  private static final String DEFAULT_GROUP = "default";

  /** Shared by every node through Redis when it is configured, else in this process. */
  @Bean
  RateBuckets rateBuckets(SwitchboardProperties properties) {
    if (properties.redisUrl() == null) {
      return new LocalRateBuckets();
    }
    log.info("Rate limits and login throttling shared through Redis");
    return new RedisRateBuckets(properties.redisUrl());
  }

  @Bean
  LoginThrottle loginThrottle(
      SwitchboardProperties properties, RateBuckets buckets, MeterRegistry meters) {
    return new LoginThrottle(
        buckets,
        new LoginThrottle.Limits(
            limits(properties.login().perUserAndAddress()),
            limits(properties.login().perAddress())),
        meters);
  }

  /** Null when rate limits are switched off. */
  @Bean
  RateLimiter rateLimiter(
      RateLimitProperties properties,
      RateBuckets buckets,
      DialectErrorRouter dialects,
      MeterRegistry meters) {
    if (!properties.enabled()) {
      log.warn("Request rate limits are switched off (switchboard.rate-limits.enabled=false)");
    }
    List<RouteGroup> groups = new ArrayList<>();
    RouteGroup fallback = null;
    for (Map.Entry<String, RateLimitProperties.Group> entry : properties.groups().entrySet()) {
      RateLimitProperties.Group group = entry.getValue();
      RouteGroup routeGroup =
          new RouteGroup(
              entry.getKey(),
              DEFAULT_GROUP.equals(entry.getKey())
                  ? List.of()
                  : group.paths().stream().map(RouteGroup.Route::parse).toList(),
              properties.enabled() ? limits(group.perUser()) : List.of(),
              properties.enabled() ? limits(group.perClient()) : List.of());
      if (DEFAULT_GROUP.equals(entry.getKey())) {
        fallback = routeGroup;
      } else {
        groups.add(routeGroup);
      }
    }
    if (fallback != null) {
      groups.add(fallback);
    }
    return new RateLimiter(groups, buckets, dialects, meters);
  }

  private static List<Limit> limits(List<String> texts) {
    return texts.stream().filter(t -> !t.isBlank()).map(Limit::parse).toList();
  }
}
