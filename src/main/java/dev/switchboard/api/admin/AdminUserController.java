package dev.switchboard.api.admin;

import dev.switchboard.api.admin.AdminDtos.CreateUser;
import dev.switchboard.api.admin.AdminDtos.UpdateUser;
import dev.switchboard.api.admin.AdminDtos.AdminUserView;
import dev.switchboard.api.admin.AdminDtos.UserWithBalance;
import dev.switchboard.operator.UserControl;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.UserAccount;
import dev.switchboard.user.UserAdministration;
import dev.switchboard.user.UserAdministration.ProfileChange;
import dev.switchboard.user.UserSearch;
import dev.switchboard.user.UserService;
import dev.switchboard.wallet.WalletService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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

/** A domain's users: create, search, read, change, disable and enable, delete (ADR 0010). */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/users")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminUserController {
  private final TenantService tenants;
  private final UserService users;
  private final UserAdministration administration;
  private final UserControl control;
  private final WalletService wallets;

  AdminUserController(
      TenantService tenants,
      UserService users,
      UserAdministration administration,
      UserControl control,
      WalletService wallets) {
    this.tenants = tenants;
    this.users = users;
    this.administration = administration;
    this.control = control;
    this.wallets = wallets;
  }

  @Schema(name = "AdminUserDisabled")
  record DisabledUserView(
      @Schema(example = "alice") String userId,
      @Schema(example = "true") boolean disabled,
      @Schema(example = "2026-11-21T10:30:00.000Z") String disabledAt,
      @Schema(example = "2") int refreshTokensRevoked,
      @Schema(example = "1") int deviceSessionsRevoked,
      @Schema(example = "1") int apiKeysRevoked) {}

  @Schema(name = "AdminUserErased")
  record Erased(
      @Schema(example = "alice") String userId,
      @Schema(example = "4") int conversationsScrubbed,
      @Schema(example = "4") int membershipsRemoved,
      @Schema(example = "2") int filesDeleted,
      @Schema(example = "1") int numbersReleased,
      @Schema(example = "150") long creditsReturned) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Audited("user.create")
  @Operation(summary = "Create a user")
  AdminUserView createUser(@PathVariable String domain, @RequestBody CreateUser body) {
    Tenant tenant = tenants.byName(domain);
    return AdminUserView.of(
        users.create(tenant.id(),
            new NewUser(body.userId(), body.displayName(), body.password(), body.scope()),
            body.email()),
        tenant.name());
  }

  @GetMapping
  @Operation(summary = "List a domain's users by id, searching id and display name")
  AdminPage<AdminUserView> listUsers(
      @PathVariable String domain,
      @Parameter(description = "Text the user id or display name contains", example = "ali")
          @RequestParam(required = false) String q,
      @Parameter(description = "true: disabled users only; false: enabled users only")
          @RequestParam(required = false) Boolean disabled,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    Tenant tenant = tenants.byName(domain);
    UserAdministration.FoundUsers found =
        administration.search(tenant.id(), new UserSearch(q, disabled), new PageRequest(page, limit));
    return AdminPage.of(found.users(), a -> AdminUserView.of(a, tenant.name()), page, limit, found.total());
  }

  @GetMapping("/{userId}")
  @Operation(summary = "A user with his balance")
  UserWithBalance getUser(@PathVariable String domain, @PathVariable String userId) {
    Tenant tenant = tenants.byName(domain);
    UserAccount account = administration.get(tenant.id(), userId);
    return UserWithBalance.of(account, tenant.name(), wallets.balance(tenant.id(), userId),
        users.emails(tenant.id(), List.of(userId)).get(userId));
  }

  @PatchMapping("/{userId}")
  @Audited("user.update")
  @Operation(
      summary = "Change display name, scope or password",
      description = "A new scope or password also revokes every token of the user.")
  AdminUserView updateUser(
      @PathVariable String domain,
      @PathVariable String userId,
      @RequestBody UpdateUser body,
      HttpServletRequest request) {
    Tenant tenant = tenants.byName(domain);
    List<String> changed = new ArrayList<>();
    if (body.displayName() != null) {
      changed.add("displayName");
    }
    if (body.scope() != null) {
      changed.add("scope=" + body.scope());
    }
    if (body.password() != null) {
      changed.add("password");
    }
    String email = body.email() == null || body.email().isEmpty() ? null : body.email();
    if (body.email() != null) {
      changed.add("email");
      // Checked before anything changes, so a bad address leaves the profile as it was.
      UserService.checkEmail(email);
    }
    AuditInterceptor.detail(request, "changed " + String.join(", ", changed));
    AdminUserView updated = AdminUserView.of(
        control.update(tenant.id(), userId,
            new ProfileChange(body.displayName(), body.scope(), body.password())),
        tenant.name());
    if (body.email() != null) {
      users.setEmail(tenant.id(), userId, email);
    }
    return updated;
  }

  @PostMapping("/{userId}/disable")
  @Audited("user.disable")
  @Operation(
      summary = "Disable a user",
      description =
          "He can no longer log in or open sessions, and every access token, refresh token,"
              + " device session and API key acting as him is revoked at once, in every"
              + " dialect; his realtime connections are closed with code 4003 on every node."
              + " This is also how a user is banned from the domain.")
  DisabledUserView disableUser(
      @PathVariable String domain, @PathVariable String userId, HttpServletRequest request) {
    Tenant tenant = tenants.byName(domain);
    UserControl.Disabled result = control.disable(tenant.id(), userId);
    AuditInterceptor.detail(request, "revoked " + result.revoked());
    return new DisabledUserView(userId, true,
        dev.switchboard.shared.Timestamps.iso(result.account().disabledAt()),
        result.revoked().refreshTokens(), result.revoked().deviceSessions(),
        result.revoked().apiKeys());
  }

  @PostMapping("/{userId}/enable")
  @Audited("user.enable")
  @Operation(
      summary = "Enable a disabled user",
      description = "He may log in again; what his disabling revoked stays revoked.")
  AdminUserView enableUser(@PathVariable String domain, @PathVariable String userId) {
    Tenant tenant = tenants.byName(domain);
    return AdminUserView.of(control.enable(tenant.id(), userId), tenant.name());
  }

  @DeleteMapping("/{userId}")
  @Audited("user.delete")
  @Operation(
      summary = "Delete (erase) a user",
      description =
          "Revokes his access, soft-deletes every message he sent (content gone, places kept)"
              + " and scrubs their copies in the change log, removes his memberships and files,"
              + " releases his SMS numbers, returns his credits to the issuance account through"
              + " the ledger (which is never rewritten), and leaves a tombstone so the user id is"
              + " never reused. See ADR 0010.")
  Erased deleteUser(
      @PathVariable String domain, @PathVariable String userId, HttpServletRequest request) {
    Tenant tenant = tenants.byName(domain);
    UserControl.Erasure e = control.erase(tenant.id(), userId);
    AuditInterceptor.detail(request, "creditsReturned=" + e.creditsReturned());
    return new Erased(userId, e.conversationsScrubbed(), e.membershipsRemoved(), e.filesDeleted(),
        e.numbersReleased(), e.creditsReturned());
  }
}
