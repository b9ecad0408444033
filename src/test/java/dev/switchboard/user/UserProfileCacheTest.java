package dev.switchboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class UserProfileCacheTest {
  private static final Instant AT = Instant.parse("2026-12-05T00:00:00Z");

  /** The users table of one domain, and every id list it was asked for. */
  private final Map<String, User> table = new ConcurrentHashMap<>();
  private final List<List<String>> loads = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final UserProfileCache cache = new UserProfileCache(users(), Duration.ofMinutes(1), meters);

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  private Users users() {
    return (Users) Proxy.newProxyInstance(Users.class.getClassLoader(), new Class<?>[] {Users.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("findAll")) {
            throw new UnsupportedOperationException(method.getName());
          }
          List<String> ids = List.copyOf((Collection<String>) args[1]);
          loads.add(ids);
          return ids.stream().map(table::get).filter(u -> u != null && u.tenantId().equals(args[0])).toList();
        });
  }

  private void save(String tenantId, String userId, String name) {
    table.put(userId, new User(tenantId, userId, "id-" + userId, name, Scope.BASIC_USER, AT, AT));
  }

  private double gets(String result) {
    return meters.get("cache.gets").tag("cache", "user-profiles").tag("result", result)
        .functionCounter().count();
  }

  @Test
  void onlyTheIdsNotRememberedAreLoadedAllInOneQuery() {
    save("t", "a", "Ann");
    save("t", "b", "Bob");

    assertThat(cache.byUserId("t", List.of("a", "b", "ghost"))).containsOnlyKeys("a", "b");
    assertThat(loads).hasSize(1);
    assertThat(loads.getFirst()).containsExactlyInAnyOrder("a", "b", "ghost");

    save("t", "c", "Cid");
    assertThat(cache.byUserId("t", List.of("a", "b", "c", "ghost")))
        .containsOnlyKeys("a", "b", "c");
    assertThat(loads).as("one more load, for what was not remembered").hasSize(2);
    assertThat(loads.get(1)).as("unknown users are not remembered: a new one shows at once")
        .containsExactlyInAnyOrder("c", "ghost");

    assertThat(cache.byUserId("t", List.of("a", "b", "c"))).extractingByKey("c")
        .extracting(User::displayName).isEqualTo("Cid");
    assertThat(loads).as("all remembered: no load").hasSize(2);
  }

  @Test
  void hitsAndMissesAreReportedAsCacheUserProfiles() {
    save("t", "a", "Ann");
    cache.byUserId("t", List.of("a"));
    double hits = gets("hit");
    cache.byUserId("t", List.of("a"));
    cache.byUserId("t", List.of("a"));
    assertThat(gets("hit")).isEqualTo(hits + 2);
    assertThat(gets("miss")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void domainsNeverShareAnEntry() {
    save("t", "a", "Ann");
    assertThat(cache.byUserId("t", List.of("a"))).containsOnlyKeys("a");
    assertThat(cache.byUserId("other", List.of("a"))).as("same user id, other domain").isEmpty();
  }

  @Test
  void aForgottenUserIsReadAgainNowAndAgainAfterTheCommit() {
    save("t", "a", "Ann");
    cache.byUserId("t", List.of("a"));

    TransactionSynchronizationManager.initSynchronization();
    save("t", "a", "Anna");
    cache.forget("t", "a");
    assertThat(cache.byUserId("t", List.of("a")).get("a").displayName())
        .as("dropped at once: read again").isEqualTo("Anna");

    // A page read between the change and its commit saw the old row and remembered it.
    save("t", "a", "Ann");
    cache.forget("t", "a");
    cache.byUserId("t", List.of("a"));
    save("t", "a", "Anna");
    List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
    assertThat(committed).isNotEmpty();
    committed.forEach(TransactionSynchronization::afterCommit);
    assertThat(cache.byUserId("t", List.of("a")).get("a").displayName())
        .as("dropped again after the commit").isEqualTo("Anna");
  }
}
