package dev.switchboard.sms;

import java.time.Instant;

/**
 * An inbound SMS to one of a domain's numbers; {@code userId} is the number's user, or null when
 * the number belongs to the domain only. Published inside a transaction, consumed after commit.
 */
public record InboundSmsReceived(
    String tenantId, String userId, String from, String to, String text, Instant receivedAt) {}
