package dev.switchboard.conversation;

import java.time.Instant;

/**
 * A user's read state over all his conversations: unread messages from others, whether an unread
 * one mentions him, and when the newest of his conversations last changed (null: he has none).
 */
public record ReadTotals(long unreadCount, boolean mentioned, Instant lastActivityAt) {}
