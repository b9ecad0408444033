package dev.switchboard.message;

/** Published inside the posting transaction; realtime and side effects listen after commit. */
public record MessagePosted(Message message) {}
