package dev.switchboard.sms;

import java.util.List;

/**
 * The carrier refused the SMS for good (invalid number, rejected content), or refused a later
 * segment after taking earlier ones: never retried. {@link #acceptedIds()} are the carrier's
 * ids of the segments it did take, so their receipts still find the SMS.
 */
public class PermanentCarrierFailure extends RuntimeException {
  private final List<String> acceptedIds;

  public PermanentCarrierFailure(String message) {
    this(message, List.of(), null);
  }

  public PermanentCarrierFailure(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  public PermanentCarrierFailure(String message, List<String> acceptedIds, Throwable cause) {
    super(message, cause);
    this.acceptedIds = List.copyOf(acceptedIds);
  }

  public List<String> acceptedIds() {
    return acceptedIds;
  }
}
