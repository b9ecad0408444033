package dev.switchboard.sms;

import java.time.Instant;

/**
 * What one carrier connection is doing, for health and metrics: an SMPP bind, or an HTTP
 * carrier as seen from its last answers.
 *
 * @param name stable name, e.g. {@code smpp-tx-1}
 * @param role what it carries: {@code transceiver}, {@code transmitter}, {@code receiver}, {@code http}
 * @param up whether it can carry SMS now (bound; HTTP: its last call was answered)
 * @param state the protocol state or last result, e.g. {@code BOUND_TX}, {@code CLOSED}, {@code HTTP 503}
 * @param since when {@code up} last changed (start-up when it never did)
 */
public record CarrierConnection(String name, String role, boolean up, String state, Instant since) {}
