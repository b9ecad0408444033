package dev.switchboard.access;

import dev.switchboard.shared.Actor;
import java.time.Instant;

/**
 * What a valid access token says: who acts, the session it belongs to (a device session or a
 * password login's refresh family), and when it was issued.
 */
public record VerifiedToken(Actor actor, String sessionId, Instant issuedAt) {}
