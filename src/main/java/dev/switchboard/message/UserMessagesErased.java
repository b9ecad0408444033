package dev.switchboard.message;

import java.util.Set;

/**
 * Published in the transaction that erased every message a user sent: other copies of their
 * content (the realtime change log) are scrubbed in the same transaction.
 */
public record UserMessagesErased(String tenantId, String userId, Set<String> conversationIds) {}
