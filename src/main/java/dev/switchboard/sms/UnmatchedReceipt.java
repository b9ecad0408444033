package dev.switchboard.sms;

import java.time.Instant;

/** A delivery receipt kept because no SMS had its carrier message id when it came. */
public record UnmatchedReceipt(
    String id, String carrierMessageId, DeliveryOutcome outcome, String detail, Instant receivedAt) {}
