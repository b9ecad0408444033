package dev.switchboard.user;

import dev.switchboard.shared.Scope;
import java.time.Instant;

/**
 * A user of one domain. {@code userId} is the public handle every dialect speaks (Allmine ids,
 * Amity userId, NetSapiens extension); {@code id} is an internal 24-hex id.
 */
public record User(
    String tenantId,
    String userId,
    String id,
    String displayName,
    Scope scope,
    Instant createdAt,
    Instant updatedAt) {}
