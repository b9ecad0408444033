package dev.switchboard.feed;

import java.time.Instant;

/**
 * One entry of a conversation's change log. {@code changeSeq} is dense per conversation (1, 2,
 * 3 …); {@code payload} is the event's neutral JSON (see docs/realtime.md); {@code subjectId} is
 * the user a membership change is about (null for other events), so that fan-out can follow
 * memberships without reading the payload back.
 */
public record Change(
    String tenantId,
    String conversationId,
    long changeSeq,
    String event,
    String subjectId,
    String payload,
    Instant createdAt) {}
