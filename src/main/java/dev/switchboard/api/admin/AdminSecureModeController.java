package dev.switchboard.api.admin;

import dev.switchboard.access.DeviceSessionService;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Secure mode of a domain's device sessions (Amity's "secure mode"): turning it on issues a new
 * server key, shown once, with which the domain's backend mints auth tokens for its users.
 */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/secure-mode")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminSecureModeController {
  private final TenantService tenants;
  private final DeviceSessionService sessions;

  AdminSecureModeController(TenantService tenants, DeviceSessionService sessions) {
    this.tenants = tenants;
    this.sessions = sessions;
  }

  record SecureModeView(boolean secureMode, String serverKey) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Turn secure mode on with a new server key (replaces any earlier key)")
  SecureModeView enable(@PathVariable String domain) {
    return new SecureModeView(true, sessions.enableSecureMode(tenants.byName(domain).id()));
  }

  @DeleteMapping
  @Operation(summary = "Turn secure mode off")
  SecureModeView disable(@PathVariable String domain) {
    sessions.disableSecureMode(tenants.byName(domain).id());
    return new SecureModeView(false, null);
  }
}
