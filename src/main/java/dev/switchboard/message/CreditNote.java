package dev.switchboard.message;

/** What a credit-transfer message records: who sent how much to whom. */
public record CreditNote(long amount, String senderId, String recipientId) {}
