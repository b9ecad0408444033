package dev.switchboard.sms;

/** The final status a delivery receipt reports. */
public enum DeliveryOutcome {
  DELIVERED,
  FAILED
}
