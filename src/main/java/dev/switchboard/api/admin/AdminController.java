package dev.switchboard.api.admin;

import dev.switchboard.access.ApiKeyService;
import dev.switchboard.api.admin.AdminDtos.AddCredits;
import dev.switchboard.api.admin.AdminDtos.ApiKeyView;
import dev.switchboard.api.admin.AdminDtos.Balance;
import dev.switchboard.api.admin.AdminDtos.CreateApiKey;
import dev.switchboard.api.admin.AdminDtos.CreateDomain;
import dev.switchboard.api.admin.AdminDtos.CreateUser;
import dev.switchboard.api.admin.AdminDtos.DomainView;
import dev.switchboard.api.admin.AdminDtos.UserView;
import dev.switchboard.api.admin.AdminDtos.UserWithBalance;
import dev.switchboard.api.web.JsonAmounts;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import dev.switchboard.wallet.TransferResult;
import dev.switchboard.wallet.WalletService;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API: domains, users, credits and API keys. Guarded by the admin key. */
@RestController
@RequestMapping("/admin/v1/domains")
@Tag(name = "Admin", description = "Operator API; Authorization: Bearer <admin key>")
@SecurityRequirement(name = "adminKey")
class AdminController {
  private final TenantService tenants;
  private final UserService users;
  private final WalletService wallets;
  private final ApiKeyService apiKeys;

  AdminController(
      TenantService tenants, UserService users, WalletService wallets, ApiKeyService apiKeys) {
    this.tenants = tenants;
    this.users = users;
    this.wallets = wallets;
    this.apiKeys = apiKeys;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  DomainView createDomain(@RequestBody CreateDomain body) {
    return DomainView.of(tenants.create(body.domain(), body.description(), body.reseller()));
  }

  @GetMapping
  List<DomainView> listDomains() {
    return tenants.list().stream().map(DomainView::of).toList();
  }

  @PostMapping("/{domain}/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserView createUser(@PathVariable String domain, @RequestBody CreateUser body) {
    Tenant tenant = tenants.byName(domain);
    User user =
        users.create(
            tenant.id(),
            new NewUser(body.userId(), body.displayName(), body.password(), body.scope()));
    return UserView.of(user, tenant.name());
  }

  @GetMapping("/{domain}/users/{userId}")
  UserWithBalance getUser(@PathVariable String domain, @PathVariable String userId) {
    Tenant tenant = tenants.byName(domain);
    User user = users.get(tenant.id(), userId);
    return UserWithBalance.of(user, tenant.name(), wallets.balance(tenant.id(), userId));
  }

  @PostMapping("/{domain}/users/{userId}/credits")
  Balance addCredits(
      @PathVariable String domain,
      @PathVariable String userId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody AddCredits body) {
    Tenant tenant = tenants.byName(domain);
    long amount = JsonAmounts.positiveInteger(body.amount(), "amount");
    TransferResult result =
        wallets.topUp(tenant.id(), userId, amount, body.reason(), idempotencyKey);
    return new Balance(userId, result.transfer().toBalanceAfter());
  }

  @PostMapping("/{domain}/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeyView createApiKey(@PathVariable String domain, @RequestBody CreateApiKey body) {
    Tenant tenant = tenants.byName(domain);
    return ApiKeyView.of(apiKeys.create(tenant.id(), body.description(), body.scope()));
  }
}
