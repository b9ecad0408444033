package dev.switchboard.tenant;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TenantService {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Tenants tenants;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public TenantService(Tenants tenants, Ids ids, Clock clock, ApplicationEventPublisher events) {
    this.tenants = tenants;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public Tenant create(String name, String description) {
    return create(name, description, null);
  }

  /** Creates a domain, under the given reseller when it is not null. */
  @Transactional
  public Tenant create(String name, String description, String reseller) {
    new Violations()
        .notBlank("domain", name)
        .matches("domain", name, NAME, "must match [A-Za-z0-9._-]{1,64}")
        .maxLength("description", description, 500)
        .matches("reseller", reseller, NAME, "must match [A-Za-z0-9._-]{1,64}")
        .throwIfAny();
    Tenant tenant = new Tenant(ids.next(), name, description, clock.instant());
    if (!tenants.insert(tenant)) {
      throw DomainException.conflict(
          "domain " + name + " already exists (or existed: names of deleted domains stay taken)");
    }
    if (reseller != null) {
      tenants.assignReseller(tenant.id(), reseller);
    }
    events.publishEvent(new TenantCreated(tenant));
    return tenant;
  }

  @Transactional(readOnly = true)
  public List<Tenant> list() {
    return tenants.findAll();
  }

  @Transactional(readOnly = true)
  public Optional<Tenant> find(String name) {
    return tenants.findByName(name);
  }

  @Transactional(readOnly = true)
  public Optional<Tenant> findById(String id) {
    return tenants.findById(id);
  }

  /**
   * Puts the domain under a reseller (NetSapiens "territory"): a Reseller-scoped user manages
   * every domain of his own domain's reseller. Null takes the domain out of any reseller.
   */
  @Transactional
  public void assignReseller(String name, String reseller) {
    new Violations()
        .matches("reseller", reseller, NAME, "must match [A-Za-z0-9._-]{1,64}")
        .throwIfAny();
    tenants.assignReseller(byName(name).id(), reseller);
  }

  /** The reseller the domain belongs to, empty when none. */
  @Transactional(readOnly = true)
  public Optional<String> resellerOf(String tenantId) {
    return tenants.reseller(tenantId);
  }

  /** A page of domains whose name or description contains {@code text} (null: all), by name. */
  public record FoundDomains(List<Tenant> domains, long total) {}

  @Transactional(readOnly = true)
  public FoundDomains search(String text, dev.switchboard.shared.PageRequest page) {
    new Violations().maxLength("q", text, 100).throwIfAny();
    return new FoundDomains(tenants.search(text, page.limit(), page.offset()), tenants.count(text));
  }

  /** Replaces the domain's description (null clears it). */
  @Transactional
  public Tenant describe(String name, String description) {
    new Violations().maxLength("description", description, 500).throwIfAny();
    tenants.describe(byName(name).id(), description);
    return byName(name);
  }

  /**
   * Marks the domain deleted in the caller's transaction: no lookup finds it from then on, and
   * its name is never given to another domain. The default domain cannot be deleted.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void markDeleted(Tenant tenant) {
    if (Tenant.DEFAULT_NAME.equals(tenant.name())) {
      throw DomainException.invalid("the default domain cannot be deleted");
    }
    tenants.markDeleted(tenant.id(), clock.instant());
  }

  /** Resolves a domain by name; unknown names are NOT_FOUND. */
  @Transactional(readOnly = true)
  public Tenant byName(String name) {
    return tenants.findByName(name).orElseThrow(() -> DomainException.notFound("domain"));
  }
}
