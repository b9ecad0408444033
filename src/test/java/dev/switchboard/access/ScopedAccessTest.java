package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopedAccessTest {
  private static final Instant T = Instant.parse("2026-12-05T00:00:00Z");
  private final TenantService tenants = mock(TenantService.class);
  private final UserService users = mock(UserService.class);
  private final ScopedAccess access = new ScopedAccess(tenants, users);

  /** Acting as oneself in one's own domain reads nothing: a NetSapiens send takes one checkout. */
  @ParameterizedTest
  @CsvSource({"acme,alice", "~,~", "acme,~", "~,alice"})
  void actingAsOneselfNeedsNoLookup(String domain, String user) {
    Actor alice = new Actor("t1", "acme", "alice", Scope.BASIC_USER);

    assertThat(access.actAs(alice, domain, user)).isSameAs(alice);
    verifyNoInteractions(tenants, users);
  }

  @Test
  void aManagerActsAsAnotherUserOfHisDomainWithThatUsersScope() {
    Actor manager = new Actor("t1", "acme", "boss", Scope.OFFICE_MANAGER);
    when(tenants.findById("t1")).thenReturn(Optional.of(new Tenant("t1", "acme", "", T)));
    when(users.find("t1", "bob"))
        .thenReturn(Optional.of(new User("t1", "bob", "u2", "Bob", Scope.BASIC_USER, T, T)));

    assertThat(access.actAs(manager, "acme", "bob"))
        .isEqualTo(new Actor("t1", "acme", "bob", Scope.BASIC_USER));
  }

  @Test
  void aBasicUserNamingSomeoneElseIsRefused() {
    Actor alice = new Actor("t1", "acme", "alice", Scope.BASIC_USER);
    when(tenants.findById("t1")).thenReturn(Optional.of(new Tenant("t1", "acme", "", T)));

    assertThatThrownBy(() -> access.actAs(alice, "acme", "bob"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("only as yourself");
  }

  @Test
  void aCredentialWithoutAUserCannotNameItselfWithTilde() {
    Actor key = new Actor("t1", "acme", "", Scope.OFFICE_MANAGER);
    when(tenants.findById("t1")).thenReturn(Optional.of(new Tenant("t1", "acme", "", T)));

    assertThatThrownBy(() -> access.actAs(key, "acme", "~"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("~ names no user");
  }
}
