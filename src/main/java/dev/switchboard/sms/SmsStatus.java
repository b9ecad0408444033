package dev.switchboard.sms;

import java.util.Locale;

/**
 * Where an outbound SMS is: queued → sending → sent → delivered or failed; or unknown when a
 * submit got no answer, so nobody can tell whether the carrier has the SMS (docs/sms.md).
 */
public enum SmsStatus {
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  FAILED,
  /**
   * The carrier may or may not have taken the SMS (no answer to the submit, or its sender died
   * mid-submit). Never resent on its own: only an operator's {@link SmsOutbox#retry} sends it
   * again, accepting that the handset may get it twice.
   */
  UNKNOWN;

  /** The value stored in the database. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SmsStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
