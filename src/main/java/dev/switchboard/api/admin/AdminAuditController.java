package dev.switchboard.api.admin;

import dev.switchboard.operator.AuditEntry;
import dev.switchboard.operator.AuditLog;
import dev.switchboard.operator.AuditQuery;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of every operator action, newest first. */
@RestController
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminAuditController {
  private final AuditLog audit;
  private final TenantService tenants;

  AdminAuditController(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  @Schema(name = "AdminAuditEntry")
  record AuditEntryView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String id,
      @Schema(example = "2026-11-21T10:30:00.000Z") String at,
      @Schema(example = "console session 6741f0c2a1b2c3d4e5f60700") String actor,
      @Schema(example = "user.disable") String action,
      @Schema(example = "acme", nullable = true) String domain,
      @Schema(example = "userId=alice") String target,
      @Schema(example = "status=200") String details,
      @Schema(example = "203.0.113.7") String clientAddress) {
    static AuditEntryView of(AuditEntry e) {
      return new AuditEntryView(e.id(), Timestamps.iso(e.at()), e.actor(), e.action(), e.domain(),
          e.target(), e.details(), e.clientAddress());
    }
  }

  @Schema(name = "AdminAuditPage")
  record AuditPage(
      List<AuditEntryView> items,
      @Schema(example = "6741f0c2a1b2c3d4e5f60700", nullable = true) String nextBefore) {}

  @GetMapping("/admin/v1/audit")
  @Operation(
      summary = "The audit log, newest first",
      description = "Pass nextBefore of one page as before to get the next, older page.")
  AuditPage list(
      @Parameter(description = "Only this domain's entries", example = "acme")
          @RequestParam(required = false) String domain,
      @Parameter(description = "Actions starting with this", example = "user.")
          @RequestParam(required = false) String action,
      @Parameter(description = "Text the target or details contain", example = "alice")
          @RequestParam(required = false) String q,
      @RequestParam(required = false) String before,
      @RequestParam(defaultValue = "50") int limit) {
    String tenantId = domain == null || domain.isBlank() ? null : tenants.byName(domain).id();
    AuditLog.AuditEntryPage page = audit.find(new AuditQuery(tenantId, action, q, before, limit));
    return new AuditPage(page.entries().stream().map(AuditEntryView::of).toList(), page.next());
  }
}
