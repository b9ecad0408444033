package dev.switchboard.sms;

/** The outbox entry and segment number a carrier message id belongs to. */
public record CarrierPart(String tenantId, String outboxId, int part) {}
