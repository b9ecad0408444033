package dev.switchboard.shared;

import java.util.Objects;

/**
 * Who is calling: an authenticated user of one domain (tenant). Every core operation takes an
 * actor, and every query it runs is scoped to {@link #tenantId()}.
 */
public record Actor(String tenantId, String domain, String userId, Scope scope) {
  public Actor {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(scope, "scope");
  }
}
