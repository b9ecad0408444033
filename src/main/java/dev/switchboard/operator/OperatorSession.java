package dev.switchboard.operator;

import java.time.Instant;

/**
 * A signed-in console: {@code id} names it in the audit log; {@code csrfToken} must come back
 * in a header with every change it asks for.
 */
public record OperatorSession(
    String id, String csrfToken, Instant createdAt, Instant expiresAt, String clientAddress) {}
