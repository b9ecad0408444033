package dev.switchboard.access;

import dev.switchboard.shared.Scope;

/**
 * A request for a key of one domain: what it is for, its scope, the user it acts as (or null)
 * and its permissions.
 */
public record NewApiKey(
    String tenantId,
    String description,
    Scope scope,
    String userId,
    boolean readonly,
    boolean canCreateKeys) {}
