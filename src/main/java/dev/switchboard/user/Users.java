package dev.switchboard.user;

import dev.switchboard.shared.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for users. All lookups are scoped to one tenant. Erased users (tombstones that
 * keep their id) are invisible to every lookup; disabled users have no password to check.
 */
public interface Users {
  /** Inserts the user; returns false when the userId is taken in that tenant. */
  boolean insert(User user, String passwordHash);

  Optional<User> find(String tenantId, String userId);

  List<User> findAll(String tenantId, Collection<String> userIds);

  /** Sets the display name; returns false when the user does not exist. */
  boolean updateDisplayName(String tenantId, String userId, String displayName, Instant at);

  /** The stored password hash, empty when the user does not exist or has no password. */
  Optional<String> passwordHash(String tenantId, String userId);

  /** The domain's users by user id, a page at a time. */
  List<User> list(String tenantId, int limit, long offset);

  /** The users matching the search, by user id, a page at a time. */
  List<UserAccount> search(String tenantId, UserSearch search, int limit, long offset);

  long count(String tenantId, UserSearch search);

  /** The enabled users matching a directory query, in its order, a page at a time. */
  List<User> directory(String tenantId, UserDirectoryQuery query);

  Optional<UserAccount> findAccount(String tenantId, String userId);

  /** Disables the user from {@code at}, or with null enables him; false when he does not exist. */
  boolean setDisabled(String tenantId, String userId, Instant at);

  /** Replaces display name and scope. */
  boolean updateProfile(String tenantId, String userId, String displayName, Scope scope, Instant at);

  boolean setPasswordHash(String tenantId, String userId, String passwordHash, Instant at);

  /**
   * Turns the user into a tombstone: no display name, no password, disabled, erased; the id
   * stays taken. False when there was no such (unerased) user.
   */
  boolean erase(String tenantId, String userId, Instant at);

  /** Sets (or, with null, clears) the user's e-mail address; false when there is no such user. */
  boolean setEmail(String tenantId, String userId, String email, Instant at);

  /** The e-mail addresses of those of the users who have one, by user id. */
  Map<String, String> emails(String tenantId, Collection<String> userIds);
}
