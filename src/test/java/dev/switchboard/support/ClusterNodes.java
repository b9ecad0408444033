package dev.switchboard.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment of one node of a several-node test: the test PostgreSQL, a Redis between the
 * nodes, the admin key and one token signing secret shared by every node (a token issued by one
 * node is accepted by the others), plus what the test sets on top.
 */
public final class ClusterNodes {
  /** Shared by every node, as a cluster's configuration would have it. */
  public static final String SIGNING_SECRET = "one-signing-secret-shared-by-every-node-0123456789";

  private ClusterNodes() {}

  public static Map<String, String> environment(String redisUrl, String adminKey) {
    return environment(redisUrl, adminKey, Map.of());
  }

  public static Map<String, String> environment(
      String redisUrl, String adminKey, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SPRING_DATASOURCE_URL", PostgresTestDatabase.url(),
        "SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user(),
        "SWITCHBOARD_REDIS_URL", redisUrl,
        "SWITCHBOARD_ADMIN_KEY", adminKey,
        "SWITCHBOARD_JWT_SECRET", SIGNING_SECRET));
    env.putAll(more);
    return Map.copyOf(env);
  }
}
