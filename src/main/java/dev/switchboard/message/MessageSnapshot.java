package dev.switchboard.message;

import java.util.List;
import java.util.Map;

/**
 * A message as one caller sees it: with its reaction counts (name to users), the caller's own
 * reactions, and the ids of the users who flagged it.
 */
public record MessageSnapshot(
    Message message, Map<String, Long> reactions, List<String> myReactions, List<String> flaggerIds) {
  public MessageSnapshot {
    reactions = reactions == null ? Map.of() : reactions;
    myReactions = myReactions == null ? List.of() : List.copyOf(myReactions);
    flaggerIds = flaggerIds == null ? List.of() : List.copyOf(flaggerIds);
  }

  public long reactionsCount() {
    return reactions.values().stream().mapToLong(Long::longValue).sum();
  }
}
