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
}
