package dev.switchboard.api.admin;

import dev.switchboard.access.CreatedApiKey;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.user.User;
import tools.jackson.databind.JsonNode;

/** Request and response records of the native admin API. */
final class AdminDtos {
  private AdminDtos() {}

  /** {@code reseller} (optional) puts the domain under a reseller (NetSapiens scopes). */
  record CreateDomain(String domain, String description, String reseller) {}

  record DomainView(String domain, String description, String createdAt) {
    static DomainView of(Tenant tenant) {
      return new DomainView(tenant.name(), tenant.description(), Timestamps.iso(tenant.createdAt()));
    }
  }

  record CreateUser(String userId, String displayName, String password, String scope) {}

  record UserView(String userId, String domain, String displayName, String scope, String createdAt) {
    static UserView of(User user, String domain) {
      return new UserView(
          user.userId(),
          domain,
          user.displayName(),
          user.scope().label(),
          Timestamps.iso(user.createdAt()));
    }
  }

  record UserWithBalance(
      String userId,
      String domain,
      String displayName,
      String scope,
      String createdAt,
      long balance) {
    static UserWithBalance of(User user, String domain, long balance) {
      return new UserWithBalance(
          user.userId(),
          domain,
          user.displayName(),
          user.scope().label(),
          Timestamps.iso(user.createdAt()),
          balance);
    }
  }

  record AddCredits(JsonNode amount, String reason) {}

  record Balance(String userId, long balance) {}

  record CreateApiKey(String description, String scope) {}

  record ApiKeyView(String keyId, String key) {
    static ApiKeyView of(CreatedApiKey created) {
      return new ApiKeyView(created.keyId(), created.key());
    }
  }
}
