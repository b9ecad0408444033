package dev.switchboard.api.admin;

import dev.switchboard.access.CreatedApiKey;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.user.User;
import dev.switchboard.user.UserAccount;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** Request and response records of the native admin API's domains, users and keys. */
final class AdminDtos {
  private AdminDtos() {}

  /** {@code reseller} (optional) puts the domain under a reseller (NetSapiens scopes). */
  @Schema(name = "AdminCreateDomain")
  record CreateDomain(
      @Schema(example = "acme") String domain,
      @Schema(example = "Acme Corp") String description,
      @Schema(example = "north-reseller") String reseller) {}

  @Schema(name = "AdminUpdateDomain")
  record UpdateDomain(@Schema(example = "Acme Corporation") String description) {}

  @Schema(name = "AdminDomain")
  record DomainView(
      @Schema(example = "acme") String domain,
      @Schema(example = "Acme Corp") String description,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt) {
    static DomainView of(Tenant tenant) {
      return new DomainView(tenant.name(), tenant.description(), Timestamps.iso(tenant.createdAt()));
    }
  }

  @Schema(name = "AdminCreateUser")
  record CreateUser(
      @Schema(example = "alice") String userId,
      @Schema(example = "Alice Liddell") String displayName,
      @Schema(example = "correct-horse-battery") String password,
      @Schema(example = "Basic User") String scope,
      @Schema(description = "Optional e-mail address (NetSapiens shows it on the user)",
          example = "alice@example.com") String email) {}

  /** Null fields stay as they are; a new password or scope also revokes the user's tokens. */
  @Schema(name = "AdminUpdateUser")
  record UpdateUser(
      @Schema(example = "Alice L.") String displayName,
      @Schema(example = "Office Manager") String scope,
      @Schema(example = "a-new-long-password") String password,
      @Schema(description = "New e-mail address; \"\" removes it", example = "alice@example.com")
          String email) {}

  @Schema(name = "AdminUser")
  record AdminUserView(
      @Schema(example = "alice") String userId,
      @Schema(example = "acme") String domain,
      @Schema(example = "Alice Liddell") String displayName,
      @Schema(example = "Basic User") String scope,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      @Schema(example = "false") boolean disabled,
      @Schema(example = "null", nullable = true) String disabledAt) {
    static AdminUserView of(User user, String domain) {
      return new AdminUserView(user.userId(), domain, user.displayName(), user.scope().label(),
          Timestamps.iso(user.createdAt()), false, null);
    }

    static AdminUserView of(UserAccount account, String domain) {
      User user = account.user();
      return new AdminUserView(user.userId(), domain, user.displayName(), user.scope().label(),
          Timestamps.iso(user.createdAt()), account.disabled(), Timestamps.iso(account.disabledAt()));
    }
  }

  @Schema(name = "AdminUserWithBalance")
  record UserWithBalance(
      @Schema(example = "alice") String userId,
      @Schema(example = "acme") String domain,
      @Schema(example = "Alice Liddell") String displayName,
      @Schema(example = "Basic User") String scope,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      @Schema(example = "false") boolean disabled,
      @Schema(example = "null", nullable = true) String disabledAt,
      @Schema(example = "150") long balance,
      @Schema(example = "alice@example.com", nullable = true) String email) {
    static UserWithBalance of(UserAccount account, String domain, long balance, String email) {
      AdminUserView v = AdminUserView.of(account, domain);
      return new UserWithBalance(v.userId(), v.domain(), v.displayName(), v.scope(), v.createdAt(),
          v.disabled(), v.disabledAt(), balance, email);
    }
  }

  @Schema(name = "AdminAddCredits")
  record AddCredits(@Schema(example = "100", type = "integer") JsonNode amount,
      @Schema(example = "welcome bonus") String reason) {}

  @Schema(name = "AdminBalance")
  record Balance(@Schema(example = "alice") String userId, @Schema(example = "150") long balance) {}

  @Schema(name = "AdminCreateApiKey")
  record CreateApiKey(
      @Schema(example = "mobile app") String description,
      @Schema(example = "Basic User") String scope) {}

  /** The key itself appears in this answer only. */
  @Schema(name = "AdminCreatedApiKey")
  record AdminApiKeyView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String keyId,
      @Schema(example = "sbk_Jx2m...shown-once") String key) {
    static AdminApiKeyView of(CreatedApiKey created) {
      return new AdminApiKeyView(created.keyId(), created.key());
    }
  }
}
