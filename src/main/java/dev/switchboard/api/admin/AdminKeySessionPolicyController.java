package dev.switchboard.api.admin;

import dev.switchboard.access.DeviceSessionService;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a domain's API keys may change when they open a session for a user who already exists
 * (ADR 0014). By default nothing: a key never renames a user, in secure mode or not.
 */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/key-session-policy")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminKeySessionPolicyController {
  private final TenantService tenants;
  private final DeviceSessionService sessions;

  AdminKeySessionPolicyController(TenantService tenants, DeviceSessionService sessions) {
    this.tenants = tenants;
    this.sessions = sessions;
  }

  /** {@code profileUpdates}: a session's {@code displayName} replaces an existing user's. */
  record KeySessionPolicy(Boolean profileUpdates) {}

  @GetMapping
  @Operation(summary = "What the domain's API-key sessions may change about existing users")
  KeySessionPolicy get(@PathVariable String domain) {
    return new KeySessionPolicy(sessions.profileUpdates(tenants.byName(domain).id()));
  }

  @PutMapping
  @Operation(summary = "Let (or stop) the domain's API-key sessions rename existing users")
  KeySessionPolicy put(@PathVariable String domain, @RequestBody KeySessionPolicy body) {
    if (body.profileUpdates() == null) {
      throw DomainException.invalid("profileUpdates must be true or false");
    }
    String tenantId = tenants.byName(domain).id();
    sessions.setProfileUpdates(tenantId, body.profileUpdates());
    return new KeySessionPolicy(sessions.profileUpdates(tenantId));
  }
}
