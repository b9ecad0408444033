package dev.switchboard.sms;

import java.time.Instant;

/**
 * One outbound SMS in the durable outbox.
 *
 * @param messageId the chat message this SMS carries, or null
 * @param attempts how many times a worker claimed it for sending
 * @param nextAttemptAt when a queued entry becomes due
 * @param leaseUntil while sending: when the claim expires
 * @param segments how many segments the carrier took, once sent
 * @param lastError why the last attempt failed, or null
 */
public record SmsOutboxEntry(
    String tenantId,
    String id,
    String messageId,
    String from,
    String to,
    String text,
    SmsStatus status,
    int attempts,
    Instant nextAttemptAt,
    Instant leaseUntil,
    Integer segments,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  /** A new entry, due now. */
  public static SmsOutboxEntry queued(
      String tenantId, String id, String messageId, String from, String to, String text,
      Instant now) {
    return new SmsOutboxEntry(
        tenantId, id, messageId, from, to, text, SmsStatus.QUEUED, 0, now, null, null, null, now,
        now);
  }
}
