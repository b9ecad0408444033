package dev.switchboard.sms;

/** The carrier refused the SMS for good (invalid number, rejected content): never retried. */
public class PermanentCarrierFailure extends RuntimeException {
  public PermanentCarrierFailure(String message) {
    super(message);
  }

  public PermanentCarrierFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
