package dev.switchboard.sms;

import java.util.List;

/**
 * What a carrier answered to an accepted SMS.
 *
 * @param carrierMessageIds the carrier's id for each segment it accepted (one for carriers that
 *     segment themselves); delivery receipts name these ids
 * @param segments how many segments the SMS took
 */
public record CarrierSubmission(List<String> carrierMessageIds, int segments) {
  public CarrierSubmission {
    carrierMessageIds = List.copyOf(carrierMessageIds);
    if (carrierMessageIds.isEmpty() || segments < 1) {
      throw new IllegalArgumentException("a submission has at least one id and one segment");
    }
  }
}
