package dev.switchboard.api.admin;

import dev.switchboard.api.admin.AdminDtos.AddCredits;
import dev.switchboard.api.admin.AdminDtos.Balance;
import dev.switchboard.api.web.JsonAmounts;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.wallet.LedgerEntry;
import dev.switchboard.wallet.TransferResult;
import dev.switchboard.wallet.WalletService;
import dev.switchboard.wallet.WalletStatements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's credits: top-ups, signed adjustments with a reason, and the ledger. */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/users/{userId}")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminCreditController {
  private final TenantService tenants;
  private final WalletService wallets;
  private final WalletStatements statements;

  AdminCreditController(TenantService tenants, WalletService wallets, WalletStatements statements) {
    this.tenants = tenants;
    this.wallets = wallets;
    this.statements = statements;
  }

  @Schema(name = "AdminCreditAdjustment")
  record Adjustment(
      @Schema(example = "-25", type = "integer", description = "Positive adds, negative removes")
          tools.jackson.databind.JsonNode amount,
      @Schema(example = "refund of a duplicate top-up") String reason) {}

  @Schema(name = "AdminLedgerEntry")
  record LedgerEntryView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String transferId,
      @Schema(example = "top_up") String kind,
      @Schema(example = "100") long amount,
      @Schema(example = "150") long balanceAfter,
      @Schema(example = "system:issuance") String counterparty,
      @Schema(example = "welcome bonus", nullable = true) String reason,
      @Schema(example = "system:admin") String initiator,
      @Schema(example = "null", nullable = true) String messageId,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt) {
    static LedgerEntryView of(LedgerEntry e) {
      return new LedgerEntryView(e.transferId(), e.kind().name().toLowerCase(Locale.ROOT), e.amount(),
          e.balanceAfter(), e.counterparty(), e.reason(), e.initiator(), e.messageId(),
          Timestamps.iso(e.createdAt()));
    }
  }

  @Schema(name = "AdminLedger")
  record Ledger(
      @Schema(example = "alice") String userId,
      @Schema(example = "150") long balance,
      List<LedgerEntryView> items,
      @Schema(example = "1") int page,
      @Schema(example = "20") int limit,
      @Schema(example = "3") long total) {}

  @PostMapping("/credits")
  @Audited("credits.top-up")
  @Operation(summary = "Top up a user's credits from the domain's issuance account")
  Balance addCredits(
      @PathVariable String domain,
      @PathVariable String userId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody AddCredits body,
      HttpServletRequest request) {
    Tenant tenant = tenants.byName(domain);
    long amount = JsonAmounts.positiveInteger(body.amount(), "amount");
    AuditInterceptor.detail(request, "amount=" + amount + " reason=" + body.reason());
    TransferResult result =
        wallets.topUp(tenant.id(), userId, amount, body.reason(), idempotencyKey);
    return new Balance(userId, result.transfer().toBalanceAfter());
  }

  @PostMapping("/credit-adjustments")
  @Audited("credits.adjust")
  @Operation(
      summary = "Adjust a user's credits by a signed amount, with a reason",
      description =
          "Posts a new transfer to the ledger: from the issuance account for a positive amount,"
              + " back to it for a negative one (never below a zero balance: 409 insufficient_credits).")
  Balance adjust(
      @PathVariable String domain,
      @PathVariable String userId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody Adjustment body,
      HttpServletRequest request) {
    Tenant tenant = tenants.byName(domain);
    long amount = JsonAmounts.nonZeroInteger(body.amount(), "amount");
    AuditInterceptor.detail(request, "amount=" + amount + " reason=" + body.reason());
    TransferResult result =
        wallets.adjust(tenant.id(), userId, amount, body.reason(), idempotencyKey);
    long balance =
        amount > 0 ? result.transfer().toBalanceAfter() : result.transfer().fromBalanceAfter();
    return new Balance(userId, balance);
  }

  @GetMapping("/ledger")
  @Operation(summary = "A user's balance and ledger entries, newest first")
  Ledger ledger(
      @PathVariable String domain,
      @PathVariable String userId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    Tenant tenant = tenants.byName(domain);
    WalletStatements.Statement s =
        statements.statement(tenant.id(), userId, new PageRequest(page, limit));
    return new Ledger(userId, s.balance(), s.entries().stream().map(LedgerEntryView::of).toList(), page,
        limit, s.total());
  }
}
