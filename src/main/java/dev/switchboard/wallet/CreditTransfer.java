package dev.switchboard.wallet;

import java.time.Instant;

/**
 * One completed movement of credits, with both balances right after it. Immutable once written:
 * an idempotent retry returns exactly this record.
 */
public record CreditTransfer(
    String tenantId,
    String id,
    TransferKind kind,
    String fromAccount,
    String toAccount,
    long amount,
    String reason,
    String initiator,
    String idempotencyKey,
    long fromBalanceAfter,
    long toBalanceAfter,
    String messageId,
    Instant createdAt) {}
