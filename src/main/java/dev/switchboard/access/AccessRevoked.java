package dev.switchboard.access;

import java.time.Instant;

/**
 * Published inside the transaction that revokes everything acting as a user ({@code userId}) or
 * as anyone of a domain ({@code userId} {@link AccessRevocations#WHOLE_DOMAIN}): after commit,
 * every node refuses the revoked tokens and closes the matching realtime connections.
 */
public record AccessRevoked(String tenantId, String userId, Instant at) {}
