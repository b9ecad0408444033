package dev.switchboard.access;

import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiKeyService {
  private static final String PREFIX = "sbk_";

  private final ApiKeys apiKeys;
  private final Ids ids;
  private final Clock clock;

  public ApiKeyService(ApiKeys apiKeys, Ids ids, Clock clock) {
    this.apiKeys = apiKeys;
    this.ids = ids;
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
    ApiKey apiKey = new ApiKey(tenantId, ids.next(), description, scope, clock.instant());
    apiKeys.insert(apiKey, SecretHashes.sha256(key));
    return new CreatedApiKey(apiKey.keyId(), key, apiKey);
  }

  /** Creates a key as described; the caller has already been checked (see ScopedAccess). */
  @Transactional
  public CreatedApiKey create(NewApiKey request) {
    new Violations().maxLength("description", request.description(), 500).throwIfAny();
    String key = SecretHashes.newSecret(PREFIX);
    ApiKey apiKey =
        new ApiKey(
            request.tenantId(),
            ids.next(),
            request.description(),
            request.scope(),
            clock.instant(),
            request.userId(),
            request.readonly(),
            request.canCreateKeys());
    apiKeys.insert(apiKey, SecretHashes.sha256(key));
    return new CreatedApiKey(apiKey.keyId(), key, apiKey);
  }

  /** Whether the presented secret looks like one of our keys (not whether it is valid). */
  public static boolean looksLikeKey(String secret) {
    return secret != null && secret.startsWith(PREFIX);
  }

  @Transactional(readOnly = true)
  public Optional<ApiKey> authenticate(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    Optional<ApiKey> found =
        key.startsWith(PREFIX) ? apiKeys.findByHash(SecretHashes.sha256(key)) : Optional.empty();
    if (found.isEmpty()) {
      AuthFailureLog.failed(AuthFailure.BAD_API_KEY);
    }
    return found;
  }
}
