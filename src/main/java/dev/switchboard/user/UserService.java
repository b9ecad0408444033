package dev.switchboard.user;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {
  private final Users users;
  private final PasswordEncoder passwords;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  /** Checked when the user is unknown so that both failures cost the same time. */
  private final String decoyHash;

  public UserService(
      Users users,
      PasswordEncoder passwords,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events) {
    this.users = users;
    this.passwords = passwords;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.decoyHash = passwords.encode("decoy-password-for-timing");
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

  // The lookups below are one statement each: they join the caller's transaction when there is
  // one and need none of their own otherwise (a read-only transaction would add a COMMIT round
  // trip to every history page and chat list).
  public User get(String tenantId, String userId) {
    return users.find(tenantId, userId).orElseThrow(() -> DomainException.notFound("user"));
  }

  public Optional<User> find(String tenantId, String userId) {
    return users.find(tenantId, userId);
  }

  public List<User> getAll(String tenantId, Collection<String> userIds) {
    return userIds.isEmpty() ? List.of() : users.findAll(tenantId, userIds);
  }

  /** The users with the given ids, by id; unknown ids are simply absent. */
  public Map<String, User> byUserId(String tenantId, Collection<String> userIds) {
    return getAll(tenantId, userIds).stream()
        .collect(Collectors.toMap(User::userId, Function.identity()));
  }

  /**
   * Checks a password. Unknown users, users without a password and wrong passwords are
   * indistinguishable to the caller, in answer and in time.
   */
  @Transactional(readOnly = true)
  public Optional<User> authenticate(String tenantId, String userId, String password) {
    if (password == null || password.length() > NewUser.MAX_PASSWORD) {
      passwords.matches("", decoyHash);
      return Optional.empty();
    }
    Optional<String> hash = users.passwordHash(tenantId, userId);
    boolean ok = passwords.matches(password, hash.orElse(decoyHash)) && hash.isPresent();
    return ok ? users.find(tenantId, userId) : Optional.empty();
  }
}
