package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;

/** One member's entry in a session listing: the conversation, whose view, his read cursor. */
public record SessionRef(Conversation conversation, String userId, long lastReadSeq, long hiddenThroughSeq) {}
