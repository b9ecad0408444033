package dev.switchboard.operator;

import java.time.Instant;

/**
 * One operator action: who ({@code actor}: the admin key or a console session), what ({@code
 * action}, {@code target}, {@code details}), when, from where ({@code clientAddress}), and on
 * which domain ({@code tenantId} null for server-wide actions).
 */
public record AuditEntry(
    String id,
    String tenantId,
    Instant at,
    String actor,
    String action,
    String domain,
    String target,
    String details,
    String clientAddress) {}
