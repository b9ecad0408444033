package dev.switchboard.sms;

import java.util.List;

/**
 * A submit was written to the carrier but no answer came (timeout, connection lost, garbled
 * answer): the carrier may have the SMS. Sending it again could deliver it twice, so the outbox
 * marks it {@link SmsStatus#UNKNOWN} and never resends it on its own. {@link #acceptedIds()}
 * are the ids of the segments the carrier did acknowledge before.
 */
public class CarrierOutcomeUnknown extends RuntimeException {
  private final List<String> acceptedIds;

  public CarrierOutcomeUnknown(String message, List<String> acceptedIds, Throwable cause) {
    super(message, cause);
    this.acceptedIds = List.copyOf(acceptedIds);
  }

  public List<String> acceptedIds() {
    return acceptedIds;
  }
}
