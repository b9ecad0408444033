package dev.switchboard.access;

import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiKeyService {
  private static final String PREFIX = "sbk_";
  /** Last-use times are kept to the minute: a busy key costs one write a minute per node. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final ApiKeys apiKeys;
  private final Clock clock;
  private final Cache<String, Instant> recentlyTouched =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(USE_RESOLUTION).build();

  public ApiKeyService(ApiKeys apiKeys, Clock clock) {
    this.apiKeys = apiKeys;
    this.clock = clock;
  }

  @Transactional
  public CreatedApiKey create(String tenantId, String description, String scopeLabel) {
    new Violations()
        .maxLength("description", description, 500)
        .check(
            scopeLabel == null || Scope.fromLabel(scopeLabel).isPresent(),
            "scope must be one of Basic User, Office Manager, Reseller, Super User")
        .throwIfAny();
    Scope scope = scopeLabel == null ? Scope.BASIC_USER : Scope.fromLabel(scopeLabel).orElseThrow();
    String key = SecretHashes.newSecret(PREFIX);
    return insert(
        new ApiKey(tenantId, ApiKeyIds.next(scope), description, scope, clock.instant()), key);
  }

  /** Creates a key as described; the caller has already been checked (see ScopedAccess). */
  @Transactional
  public CreatedApiKey create(NewApiKey request) {
    new Violations().maxLength("description", request.description(), 500).throwIfAny();
    String key = SecretHashes.newSecret(PREFIX);
    return insert(
        new ApiKey(
            request.tenantId(),
            ApiKeyIds.next(request.scope()),
            request.description(),
            request.scope(),
            clock.instant(),
            request.userId(),
            request.readonly(),
            request.canCreateKeys()),
        key);
  }

  /** Stores the key; a key id already taken in the domain (1 in 2^47) is drawn again. */
  private CreatedApiKey insert(ApiKey apiKey, String key) {
    ApiKey stored = apiKey;
    while (!apiKeys.insert(stored, SecretHashes.sha256(key))) {
      stored = new ApiKey(stored.tenantId(), ApiKeyIds.next(stored.scope()), stored.description(),
          stored.scope(), stored.createdAt(), stored.userId(), stored.readonly(),
          stored.canCreateKeys());
    }
    return new CreatedApiKey(stored.keyId(), key, stored);
  }

  /** Whether the presented secret looks like one of our keys (not whether it is valid). */
  public static boolean looksLikeKey(String secret) {
    return secret != null && secret.startsWith(PREFIX);
  }

  /** The live key behind a presented secret; its use is recorded (to the minute). */
  public Optional<ApiKey> authenticate(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    Optional<ApiKey> found =
        key.startsWith(PREFIX) ? apiKeys.findByHash(SecretHashes.sha256(key)) : Optional.empty();
    if (found.isEmpty()) {
      AuthFailureLog.failed(AuthFailure.BAD_API_KEY);
    }
    found.ifPresent(this::recordUse);
    return found;
  }

  /** A page of the domain's keys, newest first, optionally filtered by {@code text}. */
  @Transactional(readOnly = true)
  public List<ApiKeyInfo> list(String tenantId, String text, int limit, long offset) {
    return apiKeys.list(tenantId, text, limit, offset);
  }

  @Transactional(readOnly = true)
  public long count(String tenantId, String text) {
    return apiKeys.count(tenantId, text);
  }

  @Transactional(readOnly = true)
  public ApiKeyInfo get(String tenantId, String keyId) {
    return apiKeys.find(tenantId, keyId).orElseThrow(() -> DomainException.notFound("API key"));
  }

  /**
   * The live keys with this id in any domain (ids are unique per domain only; at most a few).
   * The caller decides which of them the asker may see.
   */
  @Transactional(readOnly = true)
  public List<ApiKeyInfo> findLive(String keyId) {
    return keyId == null || keyId.length() > 64 ? List.of() : apiKeys.findLive(keyId);
  }

  /** Replaces a key's description, the one thing of a key that may change. */
  @Transactional
  public void describe(String tenantId, String keyId, String description) {
    new Violations().maxLength("description", description, 500).throwIfAny();
    if (!apiKeys.describe(tenantId, keyId, description)) {
      throw DomainException.notFound("API key");
    }
  }

  /** Revokes a key at once: the next request with it is refused. Revoking twice is harmless. */
  @Transactional
  public ApiKeyInfo revoke(String tenantId, String keyId) {
    get(tenantId, keyId);
    apiKeys.revoke(tenantId, keyId, clock.instant());
    return get(tenantId, keyId);
  }

  private void recordUse(ApiKey key) {
    if (recentlyTouched.getIfPresent(key.keyId()) == null) {
      Instant now = clock.instant();
      recentlyTouched.put(key.keyId(), now);
      apiKeys.touch(key.tenantId(), key.keyId(), now);
    }
  }
}
