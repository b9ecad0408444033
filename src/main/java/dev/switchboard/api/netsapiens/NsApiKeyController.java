package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.CreatedApiKey;
import dev.switchboard.access.NewApiKey;
import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.ApiKeyView;
import dev.switchboard.api.netsapiens.NsDtos.NewApiKeyRequest;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API keys: created by a Super User or by a key allowed to create keys; shown once. */
@RestController
@Tag(name = "NetSapiens API keys", description = "ns-api v2 API keys")
class NsApiKeyController {
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
    return view(created.apiKey(), created.key(), tenant);
  }

  @GetMapping("/ns-api/v2/apikeys/~")
  @Operation(summary = "The calling API key")
  ApiKeyView self(@Parameter(hidden = true) NsCaller caller) {
    if (caller.key() == null) {
      throw DomainException.invalid("the bearer is not an API key");
    }
    return view(caller.key(), null, tenants.findById(caller.key().tenantId()).orElseThrow());
  }

  private ApiKeyView view(ApiKey key, String secret, Tenant tenant) {
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
        NsFormat.timestamp(key.createdAt()));
  }
}
