package dev.switchboard.sms;

/**
 * Published inside the transaction of every outbox status change; realtime and the NetSapiens
 * dialect listen after commit. {@code messageId} is the chat message the SMS carries, or null.
 */
public record SmsStatusChanged(String tenantId, String outboxId, String messageId, SmsStatus status) {}
