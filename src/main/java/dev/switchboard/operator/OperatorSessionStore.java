package dev.switchboard.operator;

import java.time.Instant;
import java.util.Optional;

/** Storage port for console sessions, kept by the SHA-256 of their cookie. */
public interface OperatorSessionStore {
  void insert(String tokenHash, OperatorSession session);

  /** The session, when it is neither revoked nor expired at {@code now}. */
  Optional<OperatorSession> findLive(String tokenHash, Instant now);

  /** Ends the session; false when it was not live. */
  boolean revoke(String tokenHash, Instant now);

  /** Forgets sessions that ended before {@code cutoff}. */
  int purge(Instant cutoff);
}
