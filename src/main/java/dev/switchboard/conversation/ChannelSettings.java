package dev.switchboard.conversation;

import java.time.Instant;
import java.util.List;

/**
 * The channel fields of a conversation. {@code key} is the public channel id (the client's
 * channelId, or the conversation id); {@code metadata} is opaque JSON text the core never reads.
 */
public record ChannelSettings(
    String key,
    String avatarFileId,
    String metadata,
    List<String> tags,
    Instant mutedUntil,
    boolean autoDeleteEnabled,
    Integer autoDeleteFlagLimit,
    boolean isPublic,
    Instant deletedAt,
    Instant updatedAt) {

  public boolean isMuted(Instant now) {
    return mutedUntil != null && mutedUntil.isAfter(now);
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }
}
