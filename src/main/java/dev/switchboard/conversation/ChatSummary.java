package dev.switchboard.conversation;

import java.util.List;

/** One entry of a user's chat list: the conversation, its members and his unread count. */
public record ChatSummary(Conversation conversation, List<Member> members, long unreadCount) {}
