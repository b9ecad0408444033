package dev.switchboard.realtime;

import java.time.Instant;

/**
 * One entry of a conversation's change log. {@code changeSeq} is dense per conversation (1, 2,
 * 3 …); {@code payload} is the event's neutral JSON (see docs/realtime.md).
 */
public record Change(
    String tenantId,
    String conversationId,
    long changeSeq,
    String event,
    String payload,
    Instant createdAt) {}
