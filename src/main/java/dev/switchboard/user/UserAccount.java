package dev.switchboard.user;

import java.time.Instant;

/** A user as an operator sees him: the profile and whether (since when) he is disabled. */
public record UserAccount(User user, Instant disabledAt) {
  public boolean disabled() {
    return disabledAt != null;
  }
}
