package dev.switchboard.tenant;

import java.util.List;
import java.util.Optional;

/** Storage port for domains. */
public interface Tenants {
  /** Inserts the domain; returns false when the name is taken. */
  boolean insert(Tenant tenant);

  Optional<Tenant> findByName(String name);

  Optional<Tenant> findById(String id);

  List<Tenant> findAll();

  /** The reseller the domain belongs to, empty when none. */
  Optional<String> reseller(String tenantId);

  /** Sets (or with null clears) the domain's reseller; false when the domain does not exist. */
  boolean assignReseller(String tenantId, String reseller);
}
