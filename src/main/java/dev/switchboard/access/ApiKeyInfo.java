package dev.switchboard.access;

import java.time.Instant;

/**
 * An API key as the operator lists it: the key's record, when it was last used (to the minute,
 * null if never) and when it was revoked (null while it works).
 */
public record ApiKeyInfo(ApiKey key, Instant lastUsedAt, Instant revokedAt) {}
