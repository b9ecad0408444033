package dev.switchboard.access;

import dev.switchboard.shared.Scope;
import java.time.Instant;

/** A domain's API key as stored: never the key itself, only its id, scope and description. */
public record ApiKey(
    String tenantId, String keyId, String description, Scope scope, Instant createdAt) {}
