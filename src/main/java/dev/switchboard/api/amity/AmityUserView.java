package dev.switchboard.api.amity;

import dev.switchboard.shared.Timestamps;
import dev.switchboard.user.User;
import java.util.List;
import java.util.Map;

/**
 * Amity's user object (UserV3, seed 003), side-loaded in {@code users} by every payload.
 * Switchboard has no user flags, avatars or global bans yet: those fields carry their empty
 * values so clients parse them as for a fresh Amity user.
 */
public record AmityUserView(
    String _id,
    String path,
    String userId,
    String userInternalId,
    String userPublicId,
    List<String> roles,
    List<String> permissions,
    String displayName,
    String profileHandle,
    String description,
    String avatarFileId,
    String avatarCustomUrl,
    int flagCount,
    AmityHashFlagView hashFlag,
    Map<String, Object> metadata,
    boolean isGlobalBan,
    boolean isBrand,
    boolean isDeleted,
    String createdAt,
    String updatedAt) {

  public static AmityUserView of(User user) {
    return new AmityUserView(
        user.id(),
        user.tenantId() + "/user/" + user.id(),
        user.userId(),
        user.id(),
        user.userId(),
        List.of(),
        List.of(),
        user.displayName(),
        null,
        null,
        null,
        null,
        0,
        AmityHashFlagView.NOBODY,
        Map.of(),
        false,
        false,
        false,
        Timestamps.iso(user.createdAt()),
        Timestamps.iso(user.updatedAt()));
  }

  public static List<AmityUserView> of(List<User> users) {
    return users.stream().map(AmityUserView::of).toList();
  }
}
