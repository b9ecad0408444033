package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcTenants} as the operator uses it: the server-wide search (the one query that is not
 * per domain), descriptions, resellers, and deletion that hides a domain but keeps its name.
 */
interface TenantRepositoryContract extends StorageContract {
  private Tenant tenant(String name, String description) {
    Tenant t = new Tenant(IDS.next(), name, description, NOW);
    new JdbcTenants(jdbc()).insert(t);
    return t;
  }

  @Test
  default void theOperatorSearchesEveryDomainByNameOrDescriptionInNameOrder() {
    var tenants = new JdbcTenants(jdbc());
    // A word of this run only: the tenants table is shared by every test of the database.
    String word = "w" + IDS.next();
    Tenant b = tenant("b-" + word, null);
    Tenant a = tenant("a-" + word, "first");
    Tenant c = tenant("c-" + IDS.next(), "About " + word.toUpperCase() + " and 100%_more");
    Tenant gone = tenant("d-" + word, null);
    tenants.markDeleted(gone.id(), NOW);

    assertThat(tenants.search(word, 10, 0)).containsExactly(a, b, c);
    assertThat(tenants.search(word.toUpperCase(), 2, 1)).containsExactly(b, c);
    assertThat(tenants.count(word)).isEqualTo(3);
    assertThat(tenants.search(word + " and 100%_", 10, 0)).containsExactly(c);
    assertThat(tenants.count(word + " and 100__")).as("wildcards match themselves").isZero();
    assertThat(tenants.findAll()).contains(a, b, c).doesNotContain(gone);
    assertThat(tenants.search(null, Integer.MAX_VALUE, 0)).contains(a, b, c).doesNotContain(gone);
  }

  @Test
  default void aDeletedDomainIsFoundByNoLookupAndKeepsItsName() {
    var tenants = new JdbcTenants(jdbc());
    Tenant t = tenant("del-" + IDS.next(), "old");
    assertThat(tenants.describe(t.id(), "new")).isTrue();
    assertThat(tenants.findById(t.id()).orElseThrow().description()).isEqualTo("new");
    assertThat(tenants.markDeleted(t.id(), NOW)).isTrue();
    assertThat(tenants.markDeleted(t.id(), NOW)).isFalse();
    assertThat(tenants.markDeleted(IDS.next(), NOW)).isFalse();
    assertThat(tenants.findById(t.id())).isEmpty();
    assertThat(tenants.findByName(t.name())).isEmpty();
    assertThat(tenants.describe(t.id(), "again")).isFalse();
    assertThat(tenants.insert(new Tenant(IDS.next(), t.name(), null, NOW)))
        .as("the name is not given to a new domain").isFalse();
  }

  @Test
  default void aDomainBelongsToAtMostOneReseller() {
    var tenants = new JdbcTenants(jdbc());
    Tenant t = tenant("res-" + IDS.next(), null);
    Tenant other = tenant("res-" + IDS.next(), null);
    assertThat(tenants.reseller(t.id())).isEmpty();
    assertThat(tenants.assignReseller(t.id(), "acme")).isTrue();
    assertThat(tenants.reseller(t.id())).contains("acme");
    assertThat(tenants.reseller(other.id())).isEmpty();
    assertThat(tenants.assignReseller(t.id(), "globex")).isTrue();
    assertThat(tenants.reseller(t.id())).contains("globex");
    assertThat(tenants.assignReseller(t.id(), null)).isTrue();
    assertThat(tenants.reseller(t.id())).isEmpty();
    assertThat(tenants.assignReseller(IDS.next(), "acme")).isFalse();
    assertThat(tenants.reseller(IDS.next())).isEmpty();
  }
}
