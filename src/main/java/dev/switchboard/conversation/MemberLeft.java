package dev.switchboard.conversation;

import java.time.Instant;

/** Published inside the transaction that removes a member from a conversation. */
public record MemberLeft(String tenantId, String conversationId, String userId, Instant at) {}
