package dev.switchboard.user;

import dev.switchboard.shared.Violations;

/**
 * A user's search of his domain's directory (chat apps' "find people"): {@code keyword}
 * (optional) matches the user id or display name, anywhere or ({@code exact}) whole, ignoring
 * case; disabled users are left out. Ordered by display name (then user id), or by creation.
 */
public record UserDirectoryQuery(String keyword, boolean exact, Order order, int limit, long offset) {
  public static final int MAX_LIMIT = 100;

  public enum Order {
    DISPLAY_NAME,
    FIRST_CREATED,
    LAST_CREATED
  }

  public UserDirectoryQuery {
    new Violations()
        .maxLength("keyword", keyword, 100)
        .check(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
        .check(offset >= 0, "offset must not be negative")
        .throwIfAny();
  }
}
