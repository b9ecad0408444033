package dev.switchboard.user;

/** Published inside the creating transaction, so other modules can set up per-user state. */
public record UserCreated(User user) {}
