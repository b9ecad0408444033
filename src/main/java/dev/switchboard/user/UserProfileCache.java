package dev.switchboard.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The profiles that pages show beside messages and members (display names of participants,
 * side-loaded users), remembered for {@code switchboard.users.profile-ttl} (30 s by default) so
 * that a history page or a chat list does not read the users table every time. Only for showing:
 * whether a user exists, may log in or may be added somewhere is always read from the database.
 *
 * <p>A change made on this node (rename, an operator's profile change, erasure) is seen at once:
 * the entry is dropped when the change is made and again after its commit (a page read between
 * the two would otherwise put the old profile back). Other nodes see it within the TTL. Users
 * that do not exist are not remembered, so a new user shows up at once everywhere. Micrometer
 * reports it as cache {@code user-profiles} ({@code cache_gets_total{result=hit|miss}}, …).
 */
@Component
class UserProfileCache {
  static final int MAX_ENTRIES = 100_000;

  private record ProfileKey(String tenantId, String userId) {}

  private final Users users;
  private final Cache<ProfileKey, User> profiles;

  UserProfileCache(
      Users users,
      @Value("${switchboard.users.profile-ttl:30s}") Duration ttl,
      MeterRegistry meters) {
    this.users = users;
    this.profiles =
        Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).recordStats().build();
    CaffeineCacheMetrics.monitor(meters, profiles, "user-profiles");
  }

  /** The users with these ids, by id: one query for all those not remembered, none if all are. */
  Map<String, User> byUserId(String tenantId, Collection<String> userIds) {
    Set<ProfileKey> keys = new LinkedHashSet<>();
    for (String userId : userIds) {
      keys.add(new ProfileKey(tenantId, userId));
    }
    Map<ProfileKey, User> found = profiles.getAll(keys, missing -> load(tenantId, missing));
    Map<String, User> byId = new HashMap<>(found.size() * 2);
    found.forEach((key, user) -> byId.put(key.userId(), user));
    return byId;
  }

  /** Drops what this node remembers of the user, now and again when the transaction commits. */
  void forget(String tenantId, String userId) {
    ProfileKey key = new ProfileKey(tenantId, userId);
    profiles.invalidate(key);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              profiles.invalidate(key);
            }
          });
    }
  }

  private Map<ProfileKey, User> load(String tenantId, Set<? extends ProfileKey> missing) {
    List<String> ids = missing.stream().map(ProfileKey::userId).toList();
    Map<ProfileKey, User> loaded = new HashMap<>(ids.size() * 2);
    for (User user : users.findAll(tenantId, ids)) {
      loaded.put(new ProfileKey(tenantId, user.userId()), user);
    }
    return loaded;
  }
}
