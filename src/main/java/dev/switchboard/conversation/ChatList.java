package dev.switchboard.conversation;

import java.util.List;

/** A page of a user's chats and how many he has in all. */
public record ChatList(List<ChatSummary> chats, long total) {}
