package dev.switchboard.idempotency;

/**
 * A request with an {@code Idempotency-Key} already answered was answered again from the record:
 * its first result ({@code refusal} false) or its first refusal (true).
 */
public record IdempotentReplay(String operation, boolean refusal) {}
