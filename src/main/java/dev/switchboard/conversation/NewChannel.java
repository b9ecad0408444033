package dev.switchboard.conversation;

import dev.switchboard.shared.Violations;
import java.util.List;

/**
 * A channel to create, with Amity's limits. {@code key} is the client's channelId (optional);
 * {@code metadata} is JSON text kept as given.
 */
public record NewChannel(
    String key,
    ConversationKind kind,
    String displayName,
    String avatarFileId,
    String metadata,
    List<String> tags,
    List<String> userIds,
    boolean muted,
    boolean autoDeleteEnabled,
    Integer autoDeleteFlagLimit,
    boolean isPublic) {
  public static final int MAX_KEY = 100;
  public static final int MAX_USERS = 1000;

  public NewChannel {
    tags = tags == null ? List.of() : List.copyOf(tags);
    userIds = userIds == null ? List.of() : List.copyOf(userIds);
  }

  void validate() {
    Violations v =
        new Violations()
            .check(key == null || (!key.isBlank() && key.length() <= MAX_KEY),
                "channelId must be between 1 and " + MAX_KEY + " characters")
            .check(userIds.size() <= MAX_USERS, "userIds must have at most 1000 entries");
    ChannelLimits.checkUserIds(v, userIds);
    ChannelLimits.checkSettings(v, displayName, avatarFileId, metadata, tags, autoDeleteFlagLimit);
    v.throwIfAny();
  }
}
