package dev.switchboard.api.admin;

import dev.switchboard.file.FileService;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
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

/** A domain's media policy: whether photos' GPS positions are shown to users other than the owner. */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/file-policy")
@Tag(name = "Admin", description = "Operator API; Authorization: Bearer <admin key>")
@SecurityRequirement(name = "adminKey")
class AdminFilePolicyController {
  record FilePolicy(Boolean shareGps) {}

  private final TenantService tenants;
  private final FileService files;

  AdminFilePolicyController(TenantService tenants, FileService files) {
    this.tenants = tenants;
    this.files = files;
  }

  @GetMapping
  @Operation(summary = "The domain's media policy (the server default until it is set)")
  FilePolicy get(@PathVariable String domain) {
    return new FilePolicy(files.sharesGps(tenants.byName(domain).id()));
  }

  @PutMapping
  @Operation(summary = "Set whether GPS positions of photos are shown to other users")
  FilePolicy put(@PathVariable String domain, @RequestBody FilePolicy body) {
    new Violations().check(body.shareGps() != null, "shareGps must be true or false").throwIfAny();
    Tenant tenant = tenants.byName(domain);
    files.setGpsSharing(tenant.id(), body.shareGps());
    return new FilePolicy(files.sharesGps(tenant.id()));
  }
}
