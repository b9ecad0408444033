package dev.switchboard.access;

import java.time.Instant;

/**
 * Storage port for what a domain lets its API keys do to existing users when they open sessions
 * for them (ADR 0014). Every call is scoped to one tenant.
 */
public interface KeySessionPolicies {
  /** Whether a session opened with an API key may replace an existing user's display name. */
  boolean profileUpdates(String tenantId);

  void setProfileUpdates(String tenantId, boolean allowed, Instant now);
}
