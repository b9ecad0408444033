package dev.switchboard.conversation;

import java.time.Instant;

/** Published inside the transaction that adds a member to a conversation. */
public record MemberJoined(String tenantId, String conversationId, String userId, Instant at) {}
