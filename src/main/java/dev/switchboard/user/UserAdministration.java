package dev.switchboard.user;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does to users that no user may do to himself: search a domain, change
 * anyone's profile, scope or password, disable and enable, erase. Revoking credentials and
 * erasing what a user left elsewhere is the operator module's ({@code operator.UserControl}).
 */
@Service
public class UserAdministration {
  private final Users users;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final UserProfileCache profiles;

  public UserAdministration(
      Users users, PasswordEncoder passwords, Clock clock, UserProfileCache profiles) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
    this.profiles = profiles;
  }

  /** A page of a search and how many users match it in all. */
  public record FoundUsers(List<UserAccount> users, long total) {}

  @Transactional(readOnly = true)
  public FoundUsers search(String tenantId, UserSearch search, PageRequest page) {
    return new FoundUsers(
        users.search(tenantId, search, page.limit(), page.offset()), users.count(tenantId, search));
  }

  @Transactional(readOnly = true)
  public UserAccount get(String tenantId, String userId) {
    return users.findAccount(tenantId, userId).orElseThrow(() -> DomainException.notFound("user"));
  }

  /** The changes an operator may make to a profile; null fields stay as they are. */
  public record ProfileChange(String displayName, String scope, String password) {
    void validate() {
      Violations v =
          new Violations()
              .maxLength("displayName", displayName, 100)
              .check(
                  scope == null || Scope.fromLabel(scope).isPresent(),
                  "scope must be one of Basic User, Office Manager, Reseller, Super User");
      NewUser.checkPassword(v, password);
      v.throwIfAny();
    }
  }

  @Transactional
  public UserAccount update(String tenantId, String userId, ProfileChange change) {
    change.validate();
    User user = get(tenantId, userId).user();
    Instant now = clock.instant();
    if (change.displayName() != null || change.scope() != null) {
      users.updateProfile(
          tenantId,
          userId,
          change.displayName() == null ? user.displayName() : change.displayName(),
          change.scope() == null ? user.scope() : Scope.fromLabel(change.scope()).orElseThrow(),
          now);
    }
    if (change.password() != null) {
      users.setPasswordHash(tenantId, userId, passwords.encode(change.password()), now);
    }
    profiles.forget(tenantId, userId);
    return get(tenantId, userId);
  }

  /** Marks the user disabled (or, with {@code disabled} false, enabled) in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public UserAccount setDisabled(String tenantId, String userId, boolean disabled) {
    UserAccount account = get(tenantId, userId);
    if (account.disabled() != disabled) {
      users.setDisabled(tenantId, userId, disabled ? clock.instant() : null);
    }
    return get(tenantId, userId);
  }

  /** Leaves a tombstone: the id stays taken, the profile and password go. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(String tenantId, String userId) {
    if (!users.erase(tenantId, userId, clock.instant())) {
      throw DomainException.notFound("user");
    }
    profiles.forget(tenantId, userId);
  }
}
