package dev.switchboard.conversation;

import java.util.Locale;

/** How a membership ended: the member left, was removed by a moderator, or was banned. */
public enum LeaveCause {
  LEFT,
  REMOVED,
  BANNED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
