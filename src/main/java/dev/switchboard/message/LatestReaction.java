package dev.switchboard.message;

import java.time.Instant;

/** The most recent reaction event on a message: who added or removed which reaction, when. */
public record LatestReaction(
    String reactionId, String name, String userId, boolean added, Instant at) {}
