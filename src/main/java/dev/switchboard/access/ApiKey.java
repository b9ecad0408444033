package dev.switchboard.access;

import dev.switchboard.shared.Scope;
import java.time.Instant;

/**
 * A domain's API key as stored: never the key itself, only its id, scope and description. A key
 * may act as one user of its domain ({@code userId}, else null), may be limited to reads
 * ({@code readonly}) and may be allowed to create keys of lower scopes ({@code canCreateKeys}).
 */
public record ApiKey(
    String tenantId,
    String keyId,
    String description,
    Scope scope,
    Instant createdAt,
    String userId,
    boolean readonly,
    boolean canCreateKeys) {

  /** A plain domain key: no user, read and write, cannot create keys. */
  public ApiKey(String tenantId, String keyId, String description, Scope scope, Instant createdAt) {
    this(tenantId, keyId, description, scope, createdAt, null, false, false);
  }
}
