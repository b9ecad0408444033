package dev.switchboard.sms;

import java.time.Instant;

/** What a carrier tells us on its own: delivery receipts and mobile-originated (inbound) SMS. */
public interface CarrierEvents {
  /** The final fate of the segment the carrier knows as {@code carrierMessageId}. */
  void deliveryReceipt(String carrierMessageId, DeliveryOutcome outcome, String detail);

  /** An SMS a handset sent to one of our numbers; {@code from} and {@code to} in E.164. */
  void inbound(String from, String to, String text, Instant receivedAt);
}
