package dev.switchboard.api.amity;

/** Amity's bare acknowledgement, {@code {"success": true}}, shared by every Amity route that answers so. */
public record AmitySuccess(boolean success) {}
