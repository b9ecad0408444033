package dev.switchboard.access;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scope rules of NetSapiens, decided in the core: a Basic User acts only as himself, an
 * Office Manager over his domain, a Reseller over the domains of his domain's reseller, a Super
 * User everywhere. {@code ~} is the caller's own domain or user. A domain the caller may not
 * manage answers exactly like one that does not exist, so domain names cannot be probed.
 */
@Component
public class ScopedAccess {
  public static final String SELF = "~";
  static final String DOMAIN_DENIED = "Domain not found or access denied";

  private final TenantService tenants;
  private final UserService users;

  public ScopedAccess(TenantService tenants, UserService users) {
    this.tenants = tenants;
    this.users = users;
  }

  /**
   * The actor to act as when the caller names {@code user} of {@code domain}: the caller himself,
   * or (with the scope to manage that domain) the named user with his own scope, never more
   * than the caller's.
   */
  public Actor actAs(Actor caller, String domain, String user) {
    if (namesOwnDomain(caller, domain) && namesSelf(caller, user)) {
      // Authentication proved both, and erasing a user or a domain revokes its credentials
      // (ADR 0010): no lookup, so a NetSapiens send costs one pool checkout like an Allmine one.
      return caller;
    }
    Tenant tenant = resolveDomain(caller, domain);
    boolean sameDomain = tenant.id().equals(caller.tenantId());
    String userId = SELF.equals(user) ? selfUser(caller, sameDomain) : user;
    if (sameDomain && userId.equals(caller.userId())) {
      return caller;
    }
    if (!mayManage(caller, tenant)) {
      throw DomainException.forbidden("Access denied: you may act only as yourself");
    }
    User target =
        users.find(tenant.id(), userId).orElseThrow(() -> DomainException.notFound("user"));
    if (target.scope().compareTo(caller.scope()) > 0) {
      throw DomainException.forbidden("Access denied: the user has a higher scope than yours");
    }
    return new Actor(tenant.id(), tenant.name(), target.userId(), target.scope());
  }

  /** The domain, when the caller may manage it as a whole (Office Manager and above). */
  @Transactional(readOnly = true)
  public Tenant manage(Actor caller, String domain) {
    Tenant tenant = resolveDomain(caller, domain);
    if (!mayManage(caller, tenant)) {
      throw DomainException.forbidden("Access denied: Office Manager scope or higher required");
    }
    return tenant;
  }

  /**
   * A domain whose user directory the caller may read: his own (any scope), or one he manages.
   */
  @Transactional(readOnly = true)
  public Tenant readDirectory(Actor caller, String domain) {
    return resolveDomain(caller, domain);
  }

  /** Refuses callers below Super User (system-wide operations). */
  public void requireSuperUser(Actor caller) {
    if (caller.scope() != Scope.SUPER_USER) {
      throw DomainException.forbidden("Access denied: Super User scope required");
    }
  }

  /**
   * Who may create API keys: a Super User, or a key allowed to create keys, for scopes below its
   * own and domains it manages.
   */
  public void checkKeyCreation(Actor caller, ApiKey callerKey, Tenant target, Scope requested) {
    boolean allowed =
        callerKey == null
            ? caller.scope() == Scope.SUPER_USER
            : callerKey.canCreateKeys()
                && (requested.compareTo(callerKey.scope()) < 0
                    || callerKey.scope() == Scope.SUPER_USER)
                && mayManage(caller, target);
    if (!allowed) {
      throw DomainException.forbidden(
          "API key creation only allowed using an API key with permission to create new API keys");
    }
  }

  /** A caller may give users (or keys) his own scope at most. */
  public void checkGrant(Actor caller, Scope granted) {
    if (granted.compareTo(caller.scope()) > 0) {
      throw DomainException.forbidden("Access denied: the scope is above your own");
    }
  }

  /** Whether the caller may manage every user of the domain. */
  public boolean mayManage(Actor caller, Tenant tenant) {
    return switch (caller.scope()) {
      case SUPER_USER -> true;
      case RESELLER ->
          tenant.id().equals(caller.tenantId()) || sameReseller(caller.tenantId(), tenant.id());
      case OFFICE_MANAGER -> tenant.id().equals(caller.tenantId());
      case BASIC_USER -> false;
    };
  }

  /**
   * The named domain ({@code ~} is the caller's). Another domain the caller may not manage is
   * FORBIDDEN with the same words whether it exists or not.
   */
  private static boolean namesOwnDomain(Actor caller, String domain) {
    return domain == null || SELF.equals(domain) || domain.equals(caller.domain());
  }

  private static boolean namesSelf(Actor caller, String user) {
    return !caller.userId().isEmpty() && (SELF.equals(user) || caller.userId().equals(user));
  }

  private Tenant resolveDomain(Actor caller, String domain) {
    if (namesOwnDomain(caller, domain)) {
      return tenants.findById(caller.tenantId()).orElseThrow(() -> DomainException.forbidden(DOMAIN_DENIED));
    }
    Optional<Tenant> tenant = tenants.find(domain);
    if (tenant.isEmpty() || !mayManage(caller, tenant.get())) {
      throw DomainException.forbidden(DOMAIN_DENIED);
    }
    return tenant.get();
  }

  private boolean sameReseller(String callerTenantId, String targetTenantId) {
    Optional<String> mine = tenants.resellerOf(callerTenantId);
    return mine.isPresent() && Objects.equals(mine, tenants.resellerOf(targetTenantId));
  }

  private static String selfUser(Actor caller, boolean sameDomain) {
    if (!sameDomain || caller.userId().isEmpty()) {
      throw DomainException.forbidden("Access denied: ~ names no user for this credential");
    }
    return caller.userId();
  }
}
