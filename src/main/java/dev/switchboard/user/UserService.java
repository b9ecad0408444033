package dev.switchboard.user;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {
  private static final Pattern EMAIL =
      Pattern.compile("(?=.{3,254}$)[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private final Users users;
  private final PasswordEncoder passwords;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final UserProfileCache profiles;
  /**
   * Checked when the user is unknown so that both failures cost the same time. Hashed beside
   * the start-up rather than on its critical path (a BCrypt hash is ~60 ms here).
   */
  private final CompletableFuture<String> decoyHash;

  public UserService(
      Users users,
      PasswordEncoder passwords,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      UserProfileCache profiles) {
    this.users = users;
    this.passwords = passwords;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.profiles = profiles;
    this.decoyHash =
        CompletableFuture.supplyAsync(() -> passwords.encode("decoy-password-for-timing"));
  }

  @Transactional
  public User create(String tenantId, NewUser request) {
    request.validate();
    String id = ids.next();
    String userId = request.userId() == null ? id : request.userId();
    Instant now = clock.instant();
    User user =
        new User(tenantId, userId, id, request.displayName(), request.scope(), now, now);
    String hash = request.password() == null ? null : passwords.encode(request.password());
    if (!users.insert(user, hash)) {
      throw DomainException.conflict("user " + userId + " already exists");
    }
    events.publishEvent(new UserCreated(user));
    return user;
  }

  /** Creates the user with an e-mail address (null: none), in one transaction. */
  @Transactional
  public User create(String tenantId, NewUser request, String email) {
    checkEmail(email);
    User user = create(tenantId, request);
    if (email != null) {
      users.setEmail(tenantId, user.userId(), email, user.createdAt());
    }
    return user;
  }

  /**
   * The user with this id, created without a password (and with this display name) when unknown:
   * dialects whose key-based sessions create users, as Amity does. An existing user is returned
   * unchanged; whether the caller may then rename him is the caller's decision ({@link #rename}).
   * Concurrent first sessions converge on one user: the primary key decides.
   */
  @Transactional
  public User provision(String tenantId, String userId, String displayName) {
    new NewUser(userId, displayName, null, null).validate();
    Optional<User> existing = users.find(tenantId, userId);
    if (existing.isEmpty()) {
      Instant now = clock.instant();
      User user = new User(tenantId, userId, ids.next(), displayName, Scope.BASIC_USER, now, now);
      if (users.insert(user, null)) {
        events.publishEvent(new UserCreated(user));
        return user;
      }
      existing = users.find(tenantId, userId);
    }
    // The id is taken but no live user has it: it belonged to a user who was erased.
    User user =
        existing.orElseThrow(
            () -> DomainException.conflict("user id " + userId + " belonged to a deleted user"));
    if (users.findAccount(tenantId, userId).map(UserAccount::disabled).orElse(false)) {
      throw DomainException.forbidden("User " + userId + " is disabled");
    }
    return user;
  }

  /** Replaces the user's display name; the user as it now is. */
  @Transactional
  public User rename(User user, String displayName) {
    new NewUser(user.userId(), displayName, null, null).validate();
    if (displayName == null || displayName.equals(user.displayName())) {
      return user;
    }
    Instant now = clock.instant();
    users.updateDisplayName(user.tenantId(), user.userId(), displayName, now);
    profiles.forget(user.tenantId(), user.userId());
    return new User(
        user.tenantId(), user.userId(), user.id(), displayName, user.scope(), user.createdAt(), now);
  }

  // The lookups below are one statement each (or none, from the profile cache): they join the
  // caller's transaction when there is one and need none of their own otherwise (a read-only
  // transaction would add a COMMIT round trip to every lookup).
  public User get(String tenantId, String userId) {
    return users.find(tenantId, userId).orElseThrow(() -> DomainException.notFound("user"));
  }

  public Optional<User> find(String tenantId, String userId) {
    return users.find(tenantId, userId);
  }

  public List<User> getAll(String tenantId, Collection<String> userIds) {
    return userIds.isEmpty() ? List.of() : users.findAll(tenantId, userIds);
  }

  /**
   * The users with the given ids, by id, for showing them (names beside messages, participants,
   * side-loaded users); unknown ids are simply absent. Served from {@link UserProfileCache}: a
   * change made on another node shows within {@code switchboard.users.profile-ttl}. Never decide
   * anything on it (existence, rights): {@link #get}, {@link #find} and {@link #getAll} read the
   * database.
   */
  public Map<String, User> byUserId(String tenantId, Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of() : profiles.byUserId(tenantId, userIds);
  }

  /**
   * Checks a password. Unknown users, users without a password and wrong passwords are
   * indistinguishable to the caller, in answer and in time.
   */
  @Transactional(readOnly = true)
  public Optional<User> authenticate(String tenantId, String userId, String password) {
    if (password == null || NewUser.utf8Length(password) > NewUser.MAX_PASSWORD_BYTES) {
      passwords.matches("", decoyHash.join());
      return Optional.empty();
    }
    Optional<String> hash = users.passwordHash(tenantId, userId);
    boolean ok = passwords.matches(password, hash.orElseGet(decoyHash::join)) && hash.isPresent();
    return ok ? users.find(tenantId, userId) : Optional.empty();
  }

  /** The domain's users by user id; {@code limit} 1 to 1000. */
  @Transactional(readOnly = true)
  public List<User> list(String tenantId, int limit, long offset) {
    if (limit < 1 || limit > 1000 || offset < 0) {
      throw DomainException.invalid("limit must be between 1 and 1000 and start not negative");
    }
    return users.list(tenantId, limit, offset);
  }

  /**
   * Sets the user's e-mail address (NetSapiens requires one on every user object); null clears
   * it. Only the shape is checked: {@code local@domain}, at most 254 characters, no blanks.
   */
  @Transactional
  public void setEmail(String tenantId, String userId, String email) {
    checkEmail(email);
    if (!users.setEmail(tenantId, userId, email, clock.instant())) {
      throw DomainException.notFound("user");
    }
  }

  /** Refuses (INVALID_ARGUMENT) an address that is not {@code local@domain}; null passes. */
  public static void checkEmail(String email) {
    new Violations()
        .check(email == null || EMAIL.matcher(email).matches(),
            "email must be an address such as ann@example.com (at most 254 characters)")
        .throwIfAny();
  }

  /** The e-mail addresses of those of the users who have one, by user id. */
  public Map<String, String> emails(String tenantId, Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of() : users.emails(tenantId, userIds);
  }

  /** A page of the caller's domain directory (users of other domains never appear). */
  @Transactional(readOnly = true)
  public List<User> directory(Actor actor, UserDirectoryQuery query) {
    return users.directory(actor.tenantId(), query);
  }
}
