package dev.switchboard.sms.internal;

/**
 * How SMPP sessions are opened: transceivers carry submits and receipts both; or transmitters
 * for submits plus receivers for receipts and inbound SMS (what SMSCs that offer no transceiver
 * bind, or that spread receipts over receivers, ask for).
 */
public enum SmppBindType {
  TRANSCEIVER,
  TRANSMITTER_RECEIVER
}
