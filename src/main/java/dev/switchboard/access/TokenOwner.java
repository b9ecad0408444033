package dev.switchboard.access;

/** Whose a signed token is: the user of a domain and the session (refresh family) it belongs to. */
public record TokenOwner(String tenantId, String userId, String sessionId) {}
