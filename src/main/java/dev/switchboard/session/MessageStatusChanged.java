package dev.switchboard.session;

/**
 * Published inside the transaction that changes the delivery status of a session message (an
 * SMS the outbox queued, sent, delivered or failed); realtime logs it for the conversation.
 */
public record MessageStatusChanged(
    String tenantId, String conversationId, String messageId, String status) {}
