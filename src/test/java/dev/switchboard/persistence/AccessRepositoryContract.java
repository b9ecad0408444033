package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static dev.switchboard.persistence.StorageRows.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyInfo;
import dev.switchboard.access.DeviceSession;
import dev.switchboard.access.RefreshTokens;
import dev.switchboard.access.RevocationStore.Cutoff;
import dev.switchboard.access.SecureMode.ServerKeyOwner;
import dev.switchboard.access.internal.JdbcApiKeys;
import dev.switchboard.access.internal.JdbcDeviceSessions;
import dev.switchboard.access.internal.JdbcKeySessionPolicies;
import dev.switchboard.access.internal.JdbcRefreshTokens;
import dev.switchboard.access.internal.JdbcRevocationStore;
import dev.switchboard.access.internal.JdbcSecureMode;
import dev.switchboard.shared.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access module's storage: secure mode, device sessions, key policies, revocations, keys. */
interface AccessRepositoryContract extends StorageContract {
  /** Found by ApiFuzzIT: concurrent enables of a domain without a row failed on the key. */
  @Test
  default void concurrentEnablesOfSecureModeLeaveOneSettingAndNoError() throws Exception {
    var secure = new JdbcSecureMode(jdbc());
    for (int round = 0; round < 10; round++) {
      String t = rows().tenant();
      var start = new java.util.concurrent.CountDownLatch(1);
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
        var enables = java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> pool.submit(() -> {
              start.await();
              secure.enable(t, hash(), NOW);
              return null;
            }))
            .toList();
        start.countDown();
        for (var enable : enables) {
          enable.get();
        }
      }
      assertThat(secure.isEnabled(t)).isTrue();
    }
  }

  @Test
  default void secureModeIsOneSettingPerDomainNamedByItsServerKey() {
    var secure = new JdbcSecureMode(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    assertThat(secure.isEnabled(t)).isFalse();
    assertThat(secure.disable(t, NOW)).as("nothing to turn off").isFalse();

    String first = hash();
    secure.enable(t, first, NOW);
    assertThat(secure.isEnabled(t)).isTrue();
    assertThat(secure.isEnabled(other)).isFalse();
    assertThat(secure.ownerOfServerKey(first)).contains(new ServerKeyOwner(t, true));

    String second = hash();
    secure.enable(t, second, NOW.plusSeconds(1));
    assertThat(secure.ownerOfServerKey(first)).as("the new key replaces the old").isEmpty();
    assertThat(secure.ownerOfServerKey(second)).contains(new ServerKeyOwner(t, true));

    assertThat(secure.disable(other, NOW)).isFalse();
    assertThat(secure.disable(t, NOW)).isTrue();
    assertThat(secure.disable(t, NOW)).isFalse();
    assertThat(secure.isEnabled(t)).isFalse();
    assertThat(secure.ownerOfServerKey(second)).as("the key stays when secure mode is off")
        .contains(new ServerKeyOwner(t, false));
    secure.enable(t, second, NOW.plusSeconds(2));
    assertThat(secure.isEnabled(t)).isTrue();
  }

  @Test
  default void authTokensHoldForTheirUserOfTheirDomainUntilTheyExpireAndArePurged() {
    var secure = new JdbcSecureMode(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    String live = hash();
    String old = hash();
    Instant ancient = Instant.parse("2001-01-01T00:00:00Z");
    secure.insertAuthToken(live, t, "alice", NOW.plusSeconds(60));
    secure.insertAuthToken(old, t, "alice", ancient);

    assertThat(secure.authTokenValid(live, t, "alice", NOW)).isTrue();
    assertThat(secure.authTokenValid(live, t, "bob", NOW)).isFalse();
    assertThat(secure.authTokenValid(live, other, "alice", NOW)).isFalse();
    assertThat(secure.authTokenValid(live, t, "alice", NOW.plusSeconds(60))).as("expired").isFalse();
    assertThat(secure.authTokenValid(old, t, "alice", ancient.minusSeconds(1))).isTrue();

    assertThat(secure.purgeAuthTokens(ancient)).isPositive();
    assertThat(secure.authTokenValid(old, t, "alice", ancient.minusSeconds(1))).as("purged").isFalse();
    assertThat(secure.authTokenValid(live, t, "alice", NOW)).isTrue();
  }

  @Test
  default void deviceSessionsLiveUntilRevokedByDeviceUserOrDomainOrUntilTheyExpire() {
    var sessions = new JdbcDeviceSessions(jdbc());
    String t = rows().tenant("alice", "bob");
    String other = rows().tenant("alice");
    var phone = new DeviceSession.DeviceInfo("ios", "iPhone 15", "6.1.0");
    DeviceSession first = session(t, "alice", "phone", phone);
    DeviceSession again = session(t, "alice", "phone", DeviceSession.DeviceInfo.NONE);
    DeviceSession tablet = session(t, "alice", "tablet", phone);
    DeviceSession bobs = session(t, "bob", "phone", phone);
    DeviceSession elsewhere = session(other, "alice", "phone", phone);

    assertThat(sessions.findLive(t, first.id(), NOW)).contains(first);
    assertThat(sessions.findLive(t, again.id(), NOW)).contains(again);
    assertThat(sessions.findLive(other, first.id(), NOW)).isEmpty();
    assertThat(sessions.findLive(t, first.id(), first.expiresAt())).as("expired").isEmpty();

    assertThat(sessions.revokeDevice(t, "alice", "phone", NOW))
        .containsExactlyInAnyOrder(first.id(), again.id());
    assertThat(sessions.revokeDevice(t, "alice", "phone", NOW)).isEmpty();
    assertThat(sessions.findLive(t, first.id(), NOW)).isEmpty();
    assertThat(sessions.findLive(t, tablet.id(), NOW)).isPresent();
    assertThat(sessions.findLive(t, bobs.id(), NOW)).isPresent();
    assertThat(sessions.findLive(other, elsewhere.id(), NOW)).isPresent();

    assertThat(sessions.revoke(other, tablet.id(), NOW)).isFalse();
    assertThat(sessions.revoke(t, tablet.id(), NOW)).isTrue();
    assertThat(sessions.revoke(t, tablet.id(), NOW)).isFalse();
    assertThat(sessions.revokeUser(t, "bob", NOW)).containsExactly(bobs.id());
    assertThat(sessions.revokeUser(t, "bob", NOW)).isEmpty();

    session(t, "alice", "laptop", phone);
    session(t, "bob", "laptop", phone);
    assertThat(sessions.revokeTenant(t, NOW)).isEqualTo(2);
    assertThat(sessions.revokeTenant(t, NOW)).isZero();
    assertThat(sessions.findLive(other, elsewhere.id(), NOW)).isPresent();
  }

  private DeviceSession session(
      String tenantId, String userId, String deviceId, DeviceSession.DeviceInfo device) {
    DeviceSession s = new DeviceSession(tenantId, IDS.next(), userId, deviceId, device, NOW,
        NOW.plusSeconds(3600));
    new JdbcDeviceSessions(jdbc()).insert(s);
    return s;
  }

  @Test
  default void aDomainsKeySessionPolicyDefaultsToNoProfileUpdates() {
    var policies = new JdbcKeySessionPolicies(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    assertThat(policies.profileUpdates(t)).isFalse();
    policies.setProfileUpdates(t, true, NOW);
    assertThat(policies.profileUpdates(t)).isTrue();
    assertThat(policies.profileUpdates(other)).isFalse();
    policies.setProfileUpdates(t, false, NOW.plusSeconds(1));
    assertThat(policies.profileUpdates(t)).isFalse();
  }

  @Test
  default void aRevocationCutoffIsOnePerUserOfADomainAndReadBackFromWhenItWasSet() {
    var store = new JdbcRevocationStore(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    Instant later = NOW.plusSeconds(30);
    store.put(new Cutoff(t, "alice", NOW));
    store.put(new Cutoff(t, "*", NOW));
    store.put(new Cutoff(other, "alice", NOW));
    store.put(new Cutoff(t, "alice", later));

    assertThat(store.since(null))
        .contains(new Cutoff(t, "alice", later), new Cutoff(t, "*", NOW), new Cutoff(other, "alice", NOW))
        .doesNotContain(new Cutoff(t, "alice", NOW));
    assertThat(store.since(later)).contains(new Cutoff(t, "alice", later))
        .doesNotContain(new Cutoff(t, "*", NOW), new Cutoff(other, "alice", NOW));
    assertThat(store.since(later.plusMillis(1))).doesNotContain(new Cutoff(t, "alice", later));
  }

  @Test
  default void apiKeysAreListedNewestFirstSearchedAndRevokedWithinTheirDomain() {
    var keys = new JdbcApiKeys(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    ApiKey portal = key(t, "Portal key", null, NOW, hash());
    String botHash = hash();
    ApiKey bot = key(t, "bot", "alice", NOW.plusSeconds(1), botHash);
    ApiKey sale = key(t, "100%_off", null, NOW.plusSeconds(2), hash());
    String foreignHash = hash();
    key(other, "Portal", null, NOW, foreignHash);

    assertThat(keys.list(t, null, 10, 0)).extracting(ApiKeyInfo::key).containsExactly(sale, bot, portal);
    assertThat(keys.list(t, " ", 2, 1)).extracting(ApiKeyInfo::key).containsExactly(bot, portal);
    assertThat(keys.count(t, null)).isEqualTo(3);
    assertThat(keys.list(t, "PORTAL", 10, 0)).extracting(ApiKeyInfo::key).containsExactly(portal);
    assertThat(keys.count(t, "portal")).isEqualTo(1);
    assertThat(keys.list(t, "ALICE", 10, 0)).extracting(ApiKeyInfo::key).containsExactly(bot);
    assertThat(keys.list(t, portal.keyId(), 10, 0)).extracting(ApiKeyInfo::key).containsExactly(portal);
    assertThat(keys.list(t, "%", 10, 0)).as("wildcards match themselves")
        .extracting(ApiKeyInfo::key).containsExactly(sale);
    assertThat(keys.count(t, "_")).isEqualTo(1);

    assertThat(keys.find(t, bot.keyId())).contains(new ApiKeyInfo(bot, null, null));
    assertThat(keys.find(other, bot.keyId())).isEmpty();
    keys.touch(other, bot.keyId(), NOW.plusSeconds(5));
    assertThat(keys.find(t, bot.keyId()).orElseThrow().lastUsedAt()).isNull();
    keys.touch(t, bot.keyId(), NOW.plusSeconds(5));
    assertThat(keys.find(t, bot.keyId()).orElseThrow().lastUsedAt()).isEqualTo(NOW.plusSeconds(5));

    assertThat(keys.revoke(other, portal.keyId(), NOW)).isFalse();
    assertThat(keys.revoke(t, portal.keyId(), NOW.plusSeconds(6))).isTrue();
    assertThat(keys.revoke(t, portal.keyId(), NOW.plusSeconds(7))).isFalse();
    assertThat(keys.find(t, portal.keyId()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(6));
    assertThat(keys.revokeActingAs(t, "alice", NOW)).isEqualTo(1);
    assertThat(keys.findByHash(botHash)).isEmpty();
    assertThat(keys.revokeTenant(t, NOW)).as("only the key still live").isEqualTo(1);
    assertThat(keys.revokeTenant(t, NOW)).isZero();
    assertThat(keys.findByHash(foreignHash)).isPresent();
    assertThat(keys.count(t, null)).as("revoked keys stay listed").isEqualTo(3);
  }

  private ApiKey key(String tenantId, String description, String userId, Instant at, String hash) {
    ApiKey key = new ApiKey(tenantId, IDS.next(), description, Scope.OFFICE_MANAGER, at, userId,
        userId != null, userId == null);
    new JdbcApiKeys(jdbc()).insert(key, hash);
    return key;
  }

  @Test
  default void refreshTokensAreRevokedPerUserOrDomainAndAFamilyLivesWhileOneTokenDoes() {
    var tokens = new JdbcRefreshTokens(jdbc());
    String t = rows().tenant("alice", "bob");
    String other = rows().tenant("alice");
    var alice = new RefreshTokens.Grant(t, "alice", IDS.next());
    var bob = new RefreshTokens.Grant(t, "bob", IDS.next());
    var foreign = new RefreshTokens.Grant(other, "alice", IDS.next());
    String used = hash();
    String spare = hash();
    String bobs = hash();
    String foreigns = hash();
    String expired = hash();
    var stale = new RefreshTokens.Grant(t, "alice", IDS.next());
    tokens.insert(used, alice, NOW.plusSeconds(3600), NOW);
    tokens.insert(spare, alice, NOW.plusSeconds(3600), NOW);
    tokens.insert(bobs, bob, NOW.plusSeconds(3600), NOW);
    tokens.insert(foreigns, foreign, NOW.plusSeconds(3600), NOW);
    tokens.insert(expired, stale, NOW.minusSeconds(1), NOW.minusSeconds(60));

    assertThat(tokens.familyLive(t, alice.familyId(), NOW)).isTrue();
    assertThat(tokens.familyLive(other, alice.familyId(), NOW)).isFalse();
    assertThat(tokens.familyLive(t, stale.familyId(), NOW)).as("only expired tokens").isFalse();
    assertThat(tokens.consume(used, NOW)).contains(alice);
    assertThat(tokens.familyLive(t, alice.familyId(), NOW)).as("one token left").isTrue();

    assertThat(tokens.revokeUser(t, "alice", NOW)).as("the unused ones").isEqualTo(2);
    assertThat(tokens.familyLive(t, alice.familyId(), NOW)).isFalse();
    assertThat(tokens.consume(spare, NOW)).isEmpty();
    assertThat(tokens.revokeTenant(t, NOW)).isEqualTo(1);
    assertThat(tokens.consume(bobs, NOW)).isEmpty();
    assertThat(tokens.consume(foreigns, NOW)).contains(foreign);
  }
}
