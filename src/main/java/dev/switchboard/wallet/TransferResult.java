package dev.switchboard.wallet;

/** A transfer and whether it was an idempotent replay of an earlier request. */
public record TransferResult(CreditTransfer transfer, boolean replayed) {}
