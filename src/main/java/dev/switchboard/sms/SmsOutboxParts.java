package dev.switchboard.sms;

import java.util.List;

/**
 * Storage port for the segments of sent SMS, one per carrier message id: what delivery
 * receipts find. The lookup by carrier id serves every tenant, since a receipt names only the
 * carrier's id.
 */
public interface SmsOutboxParts {
  /** Records the carrier's ids of segments 1..n of an entry, all sent. */
  void add(String tenantId, String outboxId, List<String> carrierMessageIds);

  List<CarrierPart> byCarrierId(String carrierMessageId);

  /** A sent segment → delivered or failed; false when it was settled already. */
  boolean settle(CarrierPart part, SmsStatus outcome);

  /** The status of each segment of an entry. */
  List<SmsStatus> statuses(String tenantId, String outboxId);
}
