package dev.switchboard.operator;

import dev.switchboard.shared.Violations;

/**
 * A page of the audit log, newest first: entries of one domain ({@code tenantId}, or null for
 * all), whose action starts with {@code actionPrefix} and whose target or details contain
 * {@code text} (both optional), older than the entry {@code before} (null: the newest).
 */
public record AuditQuery(String tenantId, String actionPrefix, String text, String before, int limit) {
  public static final int MAX_LIMIT = 200;

  public AuditQuery {
    new Violations()
        .check(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
        .maxLength("action", actionPrefix, 60)
        .maxLength("q", text, 100)
        .throwIfAny();
  }
}
