package dev.switchboard.conversation;

import java.time.Instant;

/** Published inside the transaction that moves a member's read cursor forward. */
public record ReadCursorMoved(
    String tenantId, String conversationId, String userId, long lastReadSeq, Instant at) {}
