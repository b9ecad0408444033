package dev.switchboard.api.admin;

import dev.switchboard.api.admin.AdminDtos.CreateDomain;
import dev.switchboard.api.admin.AdminDtos.DomainView;
import dev.switchboard.api.admin.AdminDtos.UpdateDomain;
import dev.switchboard.operator.DomainControl;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Domains: create, list and search, read, describe, delete (ADR 0010). */
@RestController
@RequestMapping("/admin/v1/domains")
@Tag(name = "Admin", description = "Operator API; Authorization: Bearer <admin key>")
@SecurityRequirement(name = "adminKey")
class AdminDomainController {
  private final TenantService tenants;
  private final DomainControl domains;

  AdminDomainController(TenantService tenants, DomainControl domains) {
    this.tenants = tenants;
    this.domains = domains;
  }

  @Schema(name = "AdminDomainDetails")
  record DomainDetails(
      @Schema(example = "acme") String domain,
      @Schema(example = "Acme Corp") String description,
      @Schema(example = "north-reseller", nullable = true) String reseller,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt) {
    static DomainDetails of(Tenant tenant, String reseller) {
      DomainView v = DomainView.of(tenant);
      return new DomainDetails(v.domain(), v.description(), reseller, v.createdAt());
    }
  }

  @Schema(name = "AdminDomainDeleted")
  record Deleted(
      @Schema(example = "acme") String domain,
      @Schema(example = "12") int usersErased,
      @Schema(example = "3") int apiKeysRevoked,
      @Schema(example = "2") int numbersReleased) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Audited("domain.create")
  @Operation(summary = "Create a domain")
  DomainView createDomain(@RequestBody CreateDomain body, HttpServletRequest request) {
    Tenant tenant = tenants.create(body.domain(), body.description(), body.reseller());
    AuditInterceptor.domain(request, tenant);
    return DomainView.of(tenant);
  }

  @GetMapping
  @Operation(summary = "List domains by name, searching name and description")
  AdminPage<DomainView> listDomains(
      @Parameter(description = "Text the name or description contains", example = "acme")
          @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    TenantService.FoundDomains found = tenants.search(q, new PageRequest(page, limit));
    return AdminPage.of(found.domains(), DomainView::of, page, limit, found.total());
  }

  @GetMapping("/{domain}")
  @Operation(summary = "A domain with its reseller")
  DomainDetails getDomain(@PathVariable String domain) {
    Tenant tenant = tenants.byName(domain);
    return DomainDetails.of(tenant, tenants.resellerOf(tenant.id()).orElse(null));
  }

  @PatchMapping("/{domain}")
  @Audited("domain.update")
  @Operation(summary = "Change a domain's description")
  DomainDetails updateDomain(@PathVariable String domain, @RequestBody UpdateDomain body) {
    Tenant tenant = tenants.describe(domain, body.description());
    return DomainDetails.of(tenant, tenants.resellerOf(tenant.id()).orElse(null));
  }

  @DeleteMapping("/{domain}")
  @Audited("domain.delete")
  @Operation(
      summary = "Delete a domain",
      description =
          "Revokes every credential of the domain at once, erases every user (messages' content,"
              + " memberships, files; credits return to the issuance account through the"
              + " ledger), releases its SMS numbers. The name stays taken. See ADR 0010.")
  Deleted deleteDomain(@PathVariable String domain, HttpServletRequest request) {
    AuditInterceptor.domain(request, tenants.byName(domain));
    DomainControl.Deletion deletion = domains.delete(domain);
    AuditInterceptor.detail(request, "usersErased=" + deletion.usersErased());
    return new Deleted(
        deletion.domain().name(),
        deletion.usersErased(),
        deletion.revoked().apiKeys(),
        deletion.numbersReleased());
  }
}
