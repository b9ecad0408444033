package dev.switchboard.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for domains. A deleted domain keeps its row and name but no lookup finds it.
 */
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

  /** Domains whose name or description contains {@code text} (null: all), by name, paged. */
  List<Tenant> search(String text, int limit, long offset);

  long count(String text);

  /** Sets the description; false when the domain does not exist. */
  boolean describe(String tenantId, String description);

  /** Marks the domain deleted; false when it does not exist or already was. */
  boolean markDeleted(String tenantId, Instant at);
}
