package dev.switchboard.conversation;

import java.time.Instant;

/**
 * A user's standing in a conversation, read in one query: the conversation with its channel key
 * and channel state (its key, deletion, last settings change and mute), and whether the user is a member, muted, banned or holds a moderator role.
 * Everything the posting rule decides on, without counting or listing the members.
 */
public record Standing(
    Conversation conversation,
    String channelKey,
    boolean deleted,
    Instant channelUpdatedAt,
    Instant channelMutedUntil,
    boolean member,
    Instant memberMutedUntil,
    boolean moderatorRole,
    boolean banned) {

  /** The standing of the creator of a conversation made a moment ago. */
  static Standing ofCreator(Conversation created) {
    return new Standing(created, null, false, null, null, true, null, false, false);
  }

  /** The public id clients use: the channel key, else the conversation id. */
  public String key() {
    return channelKey != null ? channelKey : conversation.id();
  }

  public boolean channelMuted(Instant now) {
    return channelMutedUntil != null && channelMutedUntil.isAfter(now);
  }

  public boolean memberMuted(Instant now) {
    return memberMutedUntil != null && memberMutedUntil.isAfter(now);
  }
}
