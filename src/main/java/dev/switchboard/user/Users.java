package dev.switchboard.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port for users. All lookups are scoped to one tenant. */
public interface Users {
  /** Inserts the user; returns false when the userId is taken in that tenant. */
  boolean insert(User user, String passwordHash);

  Optional<User> find(String tenantId, String userId);

  List<User> findAll(String tenantId, Collection<String> userIds);

  /** Sets the display name; returns false when the user does not exist. */
  boolean updateDisplayName(String tenantId, String userId, String displayName, Instant at);

  /** The stored password hash, empty when the user does not exist or has no password. */
  Optional<String> passwordHash(String tenantId, String userId);
}
