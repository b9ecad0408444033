package dev.switchboard.conversation;

import dev.switchboard.shared.Violations;
import java.util.Collection;

/** Amity's field limits for channels, shared by create and update. */
public final class ChannelLimits {
  public static final int MAX_DISPLAY_NAME = 100;
  public static final int MAX_AVATAR_FILE_ID = 50;
  public static final int MAX_TAGS = 10;
  public static final int MAX_TAG = 100;
  public static final int MAX_USER_ID = 50;
  /** Not documented by Amity; bounds what one channel may store. */
  public static final int MAX_METADATA = 10_000;

  public static final int MAX_FLAG_LIMIT = 1000;

  private ChannelLimits() {}

  static void checkSettings(
      Violations v,
      String displayName,
      String avatarFileId,
      String metadata,
      Collection<String> tags,
      Integer flagLimit) {
    v.maxLength("displayName", displayName, MAX_DISPLAY_NAME)
        .maxLength("avatarFileId", avatarFileId, MAX_AVATAR_FILE_ID)
        .check(metadata == null || metadata.length() <= MAX_METADATA,
            "metadata must be at most " + MAX_METADATA + " characters of JSON")
        .check(flagLimit == null || (flagLimit >= 1 && flagLimit <= MAX_FLAG_LIMIT),
            "autoDeleteMessageByFlagLimit must be between 1 and " + MAX_FLAG_LIMIT);
    if (tags != null) {
      v.check(tags.size() <= MAX_TAGS, "tags must have at most " + MAX_TAGS + " entries")
          .check(tags.stream().allMatch(t -> t != null && !t.isEmpty() && t.length() <= MAX_TAG),
              "each tag must be between 1 and " + MAX_TAG + " characters");
    }
  }

  static void checkUserIds(Violations v, Collection<String> userIds) {
    v.check(userIds.stream().allMatch(u -> u != null && !u.isEmpty() && u.length() <= MAX_USER_ID),
        "each userId must be between 1 and " + MAX_USER_ID + " characters");
  }

  /** A list of 1 to {@code max} user ids, as the membership endpoints take. */
  public static void requireUserIds(Collection<String> userIds, int max) {
    Violations v =
        new Violations()
            .check(userIds != null && !userIds.isEmpty() && userIds.size() <= max,
                "userIds must have between 1 and " + max + " entries");
    if (userIds != null) {
      checkUserIds(v, userIds);
    }
    v.throwIfAny();
  }
}
