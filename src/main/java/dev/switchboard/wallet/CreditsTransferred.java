package dev.switchboard.wallet;

/** Published inside the transaction that moved the credits. */
public record CreditsTransferred(CreditTransfer transfer) {}
