package dev.switchboard.sms;

import java.time.Instant;

/** A phone number of a domain (tenant), optionally assigned to one of its users. */
public record SmsNumber(
    String tenantId, String number, String userId, Instant createdAt, Instant updatedAt) {}
