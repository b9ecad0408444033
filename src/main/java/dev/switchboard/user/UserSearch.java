package dev.switchboard.user;

import dev.switchboard.shared.Violations;

/**
 * An operator's search of one domain's users: {@code text} (optional) matches the user id or the
 * display name, case-insensitively; {@code disabled} (optional) keeps disabled or enabled users.
 */
public record UserSearch(String text, Boolean disabled) {
  public UserSearch {
    new Violations().maxLength("q", text, 100).throwIfAny();
  }
}
