package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyInfo;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.CreatedApiKey;
import dev.switchboard.access.NewApiKey;
import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.ApiKeyUpdate;
import dev.switchboard.api.netsapiens.NsDtos.ApiKeyView;
import dev.switchboard.api.netsapiens.NsDtos.NewApiKeyRequest;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys: created, listed, read, re-described and revoked by a Super User or by a key allowed
 * to create keys (for lower scopes, in domains it manages); shown in full once. A key may always
 * read itself ({@code /apikeys/~}). A key the caller may not see answers 404 like a missing one.
 */
@RestController
@Tag(name = "NetSapiens API keys", description = "ns-api v2 API keys")
class NsApiKeyController {
  /** GET /apikeys shows the newest keys of one domain, at most this many. */
  static final int LIST_LIMIT = 1000;

  private final ApiKeyService keys;
  private final ScopedAccess access;
  private final TenantService tenants;

  NsApiKeyController(ApiKeyService keys, ScopedAccess access, TenantService tenants) {
    this.keys = keys;
    this.access = access;
    this.tenants = tenants;
  }

  @PostMapping("/ns-api/v2/apikeys")
  @Operation(summary = "Create an API key (the key is in this answer only)")
  ApiKeyView create(@Parameter(hidden = true) NsCaller caller, @RequestBody NewApiKeyRequest body) {
    new Violations()
        .check(body.description() != null && body.description().length() >= 12,
            "description must be at least 12 characters")
        .check(body.ipAddress() == null || body.ipAddress().isBlank(),
            "ip-address restrictions are not supported")
        .check(body.readonly() == null || body.readonly().matches("yes|no"),
            "readonly must be yes or no")
        .check(body.canCreateKeys() == null || body.canCreateKeys().matches("yes|no"),
            "can-create-keys must be yes or no")
        .check(body.userScope() == null || Scope.fromLabel(body.userScope()).isPresent(),
            "user-scope must be one of Basic User, Office Manager, Reseller, Super User")
        .check(body.allowedModels() == null || "*".equals(body.allowedModels().asString("")),
            "allowed-models supports only \"*\"")
        .throwIfAny();
    Scope scope = body.userScope() == null ? Scope.BASIC_USER : Scope.fromLabel(body.userScope()).orElseThrow();
    String domain = body.domain() == null ? ScopedAccess.SELF : body.domain();
    Tenant tenant;
    String userId = null;
    if (body.user() != null && !body.user().isBlank()) {
      var target = access.actAs(caller.actor(), domain, body.user());
      tenant = tenants.byName(target.domain());
      userId = target.userId();
    } else {
      tenant = access.manage(caller.actor(), domain);
    }
    access.checkKeyCreation(caller.actor(), caller.key(), tenant, scope);
    CreatedApiKey created =
        keys.create(new NewApiKey(tenant.id(), body.description(), scope, userId,
            "yes".equals(body.readonly()), "yes".equals(body.canCreateKeys())));
    return view(new ApiKeyInfo(created.apiKey(), null, null), created.key(), tenant);
  }

  @GetMapping("/ns-api/v2/apikeys/~")
  @Operation(summary = "The calling API key")
  ApiKeyView self(@Parameter(hidden = true) NsCaller caller) {
    if (caller.key() == null) {
      throw DomainException.invalid("the bearer is not an API key");
    }
    Tenant tenant = tenants.findById(caller.key().tenantId()).orElseThrow();
    return view(keys.get(tenant.id(), caller.key().keyId()), null, tenant);
  }

  @GetMapping("/ns-api/v2/apikeys")
  @Operation(summary = "The live keys of a domain (default: the caller's) the caller could have"
      + " created, newest first, at most 1000")
  @ApiResponse(responseCode = "200", description = "The keys, without their secrets")
  @ApiResponse(responseCode = "403", description = "Not allowed to manage API keys there")
  List<ApiKeyView> list(
      @Parameter(hidden = true) NsCaller caller,
      @Parameter(description = "Switchboard extension: the domain whose keys to list")
          @RequestParam(defaultValue = ScopedAccess.SELF) String domain) {
    Tenant tenant = access.manage(caller.actor(), domain);
    access.checkKeyCreation(caller.actor(), caller.key(), tenant, Scope.BASIC_USER);
    return keys.list(tenant.id(), null, LIST_LIMIT, 0).stream()
        .filter(k -> k.revokedAt() == null && mayManage(caller, tenant, k.key()))
        .map(k -> view(k, null, tenant))
        .toList();
  }

  @GetMapping("/ns-api/v2/apikeys/{keyId}")
  @Operation(summary = "One key by its key-id (an array of one, as the document has it)")
  @ApiResponse(responseCode = "200", description = "The key, without its secret")
  @ApiResponse(responseCode = "404", description = "No such key the caller may see")
  List<ApiKeyView> read(@Parameter(hidden = true) NsCaller caller, @PathVariable String keyId) {
    Found found = find(caller, keyId, true);
    return List.of(view(found.info(), null, found.tenant()));
  }

  @PutMapping("/ns-api/v2/apikeys/{keyId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Change a key's description (nothing else of a key may change)")
  @ApiResponse(responseCode = "202", description = "Changed")
  @ApiResponse(responseCode = "400", description = "Invalid description, or ip-address given")
  @ApiResponse(responseCode = "403", description = "Not allowed to manage this key")
  NetSapiensErrors.ErrorResponse update(@Parameter(hidden = true) NsCaller caller,
      @PathVariable String keyId, @RequestBody ApiKeyUpdate body) {
    new Violations()
        .check(body.description() != null && body.description().length() >= 12,
            "description must be at least 12 characters")
        .check(body.ipAddress() == null || body.ipAddress().isBlank(),
            "ip-address restrictions are not supported")
        .check(body.allowedModels() == null || "*".equals(body.allowedModels().asString("")),
            "allowed-models supports only \"*\"")
        .throwIfAny();
    Found found = find(caller, keyId, false);
    keys.describe(found.tenant().id(), keyId, body.description());
    return NsDtos.ACCEPTED;
  }

  @DeleteMapping("/ns-api/v2/apikeys/{keyId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Revoke a key at once")
  @ApiResponse(responseCode = "202", description = "Revoked")
  @ApiResponse(responseCode = "403", description = "Not allowed to manage this key")
  @ApiResponse(responseCode = "404", description = "No such key the caller may see")
  NetSapiensErrors.ErrorResponse revoke(
      @Parameter(hidden = true) NsCaller caller, @PathVariable String keyId) {
    Found found = find(caller, keyId, false);
    keys.revoke(found.tenant().id(), keyId);
    return NsDtos.ACCEPTED;
  }

  private record Found(ApiKeyInfo info, Tenant tenant) {}

  /**
   * The live key with this id in a domain the caller manages (or the caller's own key, when
   * {@code reading}); 404 otherwise. Managing it further needs the key-creation right (403).
   */
  private Found find(NsCaller caller, String keyId, boolean reading) {
    for (ApiKeyInfo info : keys.findLive(keyId)) {
      Tenant tenant = tenants.findById(info.key().tenantId()).orElse(null);
      if (tenant == null) {
        continue;
      }
      boolean own = caller.key() != null && caller.key().tenantId().equals(tenant.id())
          && caller.key().keyId().equals(keyId);
      if (own && reading) {
        return new Found(info, tenant);
      }
      if (own || access.mayManage(caller.actor(), tenant)) {
        access.checkKeyCreation(caller.actor(), caller.key(), tenant, info.key().scope());
        return new Found(info, tenant);
      }
    }
    throw DomainException.notFound("API key " + keyId);
  }

  private boolean mayManage(NsCaller caller, Tenant tenant, ApiKey key) {
    try {
      access.checkKeyCreation(caller.actor(), caller.key(), tenant, key.scope());
      return true;
    } catch (DomainException e) {
      return false;
    }
  }

  private ApiKeyView view(ApiKeyInfo info, String secret, Tenant tenant) {
    ApiKey key = info.key();
    return new ApiKeyView(
        key.keyId(),
        secret,
        key.description(),
        tenants.resellerOf(tenant.id()).orElse("*"),
        tenant.name(),
        key.userId() == null ? "" : key.userId(),
        key.scope().label(),
        key.readonly() ? "yes" : "no",
        key.canCreateKeys() ? "yes" : "no",
        NsFormat.dateTime(key.createdAt()),
        NsFormat.dateTime(info.lastUsedAt()));
  }
}
