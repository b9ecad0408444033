package dev.switchboard.message;

import java.util.List;

/** Who a message mentions: listed users, or (type CHANNEL) every member of the conversation. */
public record Mention(Type type, List<String> userIds) {
  public static final int MAX_USERS = 30;

  public enum Type {
    USER,
    CHANNEL
  }

  public Mention {
    userIds = userIds == null ? List.of() : List.copyOf(userIds);
  }
}
