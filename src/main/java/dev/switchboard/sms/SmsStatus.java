package dev.switchboard.sms;

import java.util.Locale;

/** Where an outbound SMS is: queued → sending → sent → delivered or failed. */
public enum SmsStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  FAILED;

  /** The value stored in the database. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SmsStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
