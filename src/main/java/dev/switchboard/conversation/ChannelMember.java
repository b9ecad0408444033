package dev.switchboard.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A member with channel state: read cursor, mention cursor (newest message mentioning him), a
 * timed mute and channel roles (e.g. {@code channel-moderator}).
 */
public record ChannelMember(
    String conversationId,
    String userId,
    long lastReadSeq,
    long lastMentionedSeq,
    Instant mutedUntil,
    List<String> roles,
    Instant joinedAt) {

  public boolean isMuted(Instant now) {
    return mutedUntil != null && mutedUntil.isAfter(now);
  }

  public boolean isModerator() {
    return roles.stream().anyMatch(ChannelRoles::isModeratorRole);
  }
}
