package dev.switchboard.sms;

import java.util.Locale;

/** Why an attempt or an SMS failed: the {@code reason} tag of {@code switchboard.sms.outbox.failures}. */
public enum SmsFailureReason {
  /** The carrier did not take it now (unbound, throttled, 5xx): queued again after a backoff. */
  TRANSIENT,
  /** Transient failures reached {@code max-attempts}: failed. */
  RETRIES_EXHAUSTED,
  /** The carrier refused it for good, or refused a segment after taking earlier ones: failed. */
  REFUSED,
  /** No answer to a submit: unknown, not resent. */
  OUTCOME_UNKNOWN,
  /** Its sender stopped (node died, hung past the lease) mid-submit: unknown, not resent. */
  ABANDONED,
  /** A delivery receipt reported that the handset did not get it: failed. */
  UNDELIVERED;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
