package dev.switchboard.conversation;

import java.util.Set;

/** Role names with moderator powers in a channel (Amity's default moderator roles). */
public final class ChannelRoles {
  /** Given to whoever creates a channel. */
  public static final String CHANNEL_MODERATOR = "channel-moderator";

  /** The roles that make a member a moderator. */
  public static final Set<String> MODERATOR_ROLES = Set.of(CHANNEL_MODERATOR, "moderator");

  private ChannelRoles() {}

  public static boolean isModeratorRole(String role) {
    return MODERATOR_ROLES.contains(role);
  }
}
