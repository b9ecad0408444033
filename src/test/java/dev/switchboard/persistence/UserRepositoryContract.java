package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.shared.Scope;
import dev.switchboard.user.User;
import dev.switchboard.user.UserAccount;
import dev.switchboard.user.UserSearch;
import dev.switchboard.user.internal.JdbcUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcUsers} as the operator uses it: search, paging, disabling, profile and password
 * changes, and erasure that leaves a tombstone no lookup finds but whose id stays taken.
 */
interface UserRepositoryContract extends StorageContract {
  @Test
  default void theOperatorSearchesADomainsUsersByIdOrNameAndByWhetherTheyAreDisabled() {
    var users = new JdbcUsers(jdbc());
    String t = rows().tenant("carol", "alice", "bob", "dave_1");
    String other = rows().tenant("alice", "alina");
    users.updateDisplayName(t, "bob", "Alan Bob", NOW);
    users.setDisabled(t, "carol", NOW.plusSeconds(1));
    var any = new UserSearch(null, null);

    assertThat(users.list(t, 10, 0)).extracting(User::userId).containsExactly("alice", "bob", "carol", "dave_1");
    assertThat(users.list(t, 2, 1)).extracting(User::userId).containsExactly("bob", "carol");
    assertThat(users.search(t, any, 10, 0)).extracting(a -> a.user().userId(), UserAccount::disabled)
        .containsExactly(tuple("alice", false),
            tuple("bob", false),
            tuple("carol", true),
            tuple("dave_1", false));
    assertThat(users.count(t, any)).isEqualTo(4);
    assertThat(users.search(t, new UserSearch("AL", null), 10, 0)).extracting(a -> a.user().userId())
        .as("the id or the display name").containsExactly("alice", "bob");
    assertThat(users.search(t, new UserSearch("al", null), 1, 1)).extracting(a -> a.user().userId())
        .containsExactly("bob");
    assertThat(users.count(t, new UserSearch("_", null))).as("wildcards match themselves").isEqualTo(1);
    assertThat(users.search(t, new UserSearch(null, true), 10, 0)).extracting(a -> a.user().userId())
        .containsExactly("carol");
    assertThat(users.count(t, new UserSearch("a", false))).isEqualTo(3);
    assertThat(users.count(other, any)).isEqualTo(2);
    assertThat(users.findAccount(t, "carol").orElseThrow().disabledAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(users.findAccount(other, "carol")).isEmpty();
  }

  @Test
  default void aDisabledUserHasNoPasswordToCheckUntilEnabledAgain() {
    var users = new JdbcUsers(jdbc());
    String t = rows().tenant("alice");
    String other = rows().tenant("alice");
    assertThat(users.setDisabled(t, "nobody", NOW)).isFalse();
    assertThat(users.setDisabled(t, "alice", NOW)).isTrue();
    assertThat(users.passwordHash(t, "alice")).isEmpty();
    assertThat(users.find(t, "alice")).as("still a user").isPresent();
    assertThat(users.passwordHash(other, "alice")).contains("{bcrypt}hash");
    assertThat(users.setDisabled(t, "alice", null)).isTrue();
    assertThat(users.passwordHash(t, "alice")).contains("{bcrypt}hash");
    assertThat(users.findAccount(t, "alice").orElseThrow().disabled()).isFalse();
  }

  @Test
  default void profileAndPasswordChangesStayInTheirDomain() {
    var users = new JdbcUsers(jdbc());
    String t = rows().tenant("alice");
    String other = rows().tenant("alice");
    assertThat(users.updateProfile(t, "alice", "Alice A.", Scope.OFFICE_MANAGER, NOW.plusSeconds(5))).isTrue();
    assertThat(users.updateProfile(t, "nobody", "X", Scope.BASIC_USER, NOW)).isFalse();
    assertThat(users.find(t, "alice").orElseThrow())
        .satisfies(u -> assertThat(u.displayName()).isEqualTo("Alice A."))
        .satisfies(u -> assertThat(u.scope()).isEqualTo(Scope.OFFICE_MANAGER))
        .satisfies(u -> assertThat(u.updatedAt()).isEqualTo(NOW.plusSeconds(5)));
    assertThat(users.setPasswordHash(t, "alice", "{bcrypt}new", NOW)).isTrue();
    assertThat(users.passwordHash(t, "alice")).contains("{bcrypt}new");
    assertThat(users.find(other, "alice").orElseThrow().scope()).isEqualTo(Scope.BASIC_USER);
    assertThat(users.passwordHash(other, "alice")).contains("{bcrypt}hash");
    assertThat(users.updateDisplayName(t, "nobody", "X", NOW)).isFalse();
  }

  @Test
  default void anErasedUserIsATombstoneNoLookupFindsWhoseIdStaysTaken() {
    var users = new JdbcUsers(jdbc());
    String t = rows().tenant("alice", "bob");
    String other = rows().tenant("alice");
    assertThat(users.erase(t, "alice", NOW)).isTrue();
    assertThat(users.erase(t, "alice", NOW)).isFalse();
    assertThat(users.erase(t, "nobody", NOW)).isFalse();

    assertThat(users.find(t, "alice")).isEmpty();
    assertThat(users.findAll(t, List.of("alice", "bob"))).extracting(User::userId).containsExactly("bob");
    assertThat(users.findAccount(t, "alice")).isEmpty();
    assertThat(users.passwordHash(t, "alice")).isEmpty();
    assertThat(users.list(t, 10, 0)).extracting(User::userId).containsExactly("bob");
    assertThat(users.count(t, new UserSearch(null, null))).isEqualTo(1);
    assertThat(users.setDisabled(t, "alice", null)).as("a tombstone is not enabled again").isFalse();
    assertThat(users.updateProfile(t, "alice", "Back", Scope.BASIC_USER, NOW)).isFalse();
    assertThat(users.setPasswordHash(t, "alice", "{bcrypt}x", NOW)).isFalse();
    assertThat(users.updateDisplayName(t, "alice", "Alice again", NOW)).isFalse();
    assertThat(users.insert(new User(t, "alice", IDS.next(), "New Alice", Scope.BASIC_USER, NOW, NOW),
        "{bcrypt}x")).as("the id is never given to someone else").isFalse();
    assertThat(users.find(other, "alice")).isPresent();
    String displayName = jdbc().sql("SELECT display_name FROM users WHERE tenant_id = ? AND user_id = ?")
        .params(t, "alice").query(String.class).optional().orElse(null);
    assertThat(displayName).as("nothing personal is kept").isNull();
  }
}
