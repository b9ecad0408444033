package dev.switchboard.sms;

/** The carrier did not accept the SMS now but may later: the outbox retries with backoff. */
public class TransientCarrierFailure extends RuntimeException {
  public TransientCarrierFailure(String message) {
    super(message);
  }

  public TransientCarrierFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
