package dev.switchboard.wallet;

import java.time.Instant;

/**
 * One side of a transfer as an account's statement shows it: {@code amount} is signed (credit
 * positive, debit negative), {@code counterparty} the other account of the transfer.
 */
public record LedgerEntry(
    String transferId,
    TransferKind kind,
    long amount,
    long balanceAfter,
    String counterparty,
    String reason,
    String initiator,
    String messageId,
    Instant createdAt) {}
