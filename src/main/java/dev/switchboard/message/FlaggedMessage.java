package dev.switchboard.message;

import java.util.List;

/** A message in the moderation queue: how many users flagged it, and who. */
public record FlaggedMessage(Message message, long flagCount, List<String> flaggerIds) {}
