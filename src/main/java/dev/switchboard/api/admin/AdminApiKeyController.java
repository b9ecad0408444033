package dev.switchboard.api.admin;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyInfo;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.api.admin.AdminDtos.AdminApiKeyView;
import dev.switchboard.api.admin.AdminDtos.CreateApiKey;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A domain's API keys: create (the key shown once), list, revoke. Never the key again. */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/api-keys")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminApiKeyController {
  private final TenantService tenants;
  private final ApiKeyService apiKeys;

  AdminApiKeyController(TenantService tenants, ApiKeyService apiKeys) {
    this.tenants = tenants;
    this.apiKeys = apiKeys;
  }

  @Schema(name = "AdminApiKey")
  record KeyInfo(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String keyId,
      @Schema(example = "mobile app") String description,
      @Schema(example = "Basic User") String scope,
      @Schema(example = "null", nullable = true) String userId,
      @Schema(example = "false") boolean readonly,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      @Schema(example = "2026-11-21T11:02:00.000Z", nullable = true) String lastUsedAt,
      @Schema(example = "null", nullable = true) String revokedAt) {
    static KeyInfo of(ApiKeyInfo info) {
      ApiKey k = info.key();
      return new KeyInfo(k.keyId(), k.description(), k.scope().label(), k.userId(), k.readonly(),
          Timestamps.iso(k.createdAt()), Timestamps.iso(info.lastUsedAt()),
          Timestamps.iso(info.revokedAt()));
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Audited("api-key.create")
  @Operation(summary = "Create an API key; the key is in this answer only")
  AdminApiKeyView createApiKey(@PathVariable String domain, @RequestBody CreateApiKey body) {
    Tenant tenant = tenants.byName(domain);
    return AdminApiKeyView.of(apiKeys.create(tenant.id(), body.description(), body.scope()));
  }

  @GetMapping
  @Operation(summary = "List a domain's API keys, newest first, with their last use")
  AdminPage<KeyInfo> listApiKeys(
      @PathVariable String domain,
      @Parameter(description = "Text the key id, description or user contains", example = "mobile")
          @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    Tenant tenant = tenants.byName(domain);
    PageRequest request = new PageRequest(page, limit);
    new dev.switchboard.shared.Violations().maxLength("q", q, 100).throwIfAny();
    return AdminPage.of(apiKeys.list(tenant.id(), q, limit, request.offset()), KeyInfo::of, page,
        limit, apiKeys.count(tenant.id(), q));
  }

  @DeleteMapping("/{keyId}")
  @Audited("api-key.revoke")
  @Operation(summary = "Revoke an API key: the next request with it is refused")
  KeyInfo revokeApiKey(@PathVariable String domain, @PathVariable String keyId) {
    return KeyInfo.of(apiKeys.revoke(tenants.byName(domain).id(), keyId));
  }
}
