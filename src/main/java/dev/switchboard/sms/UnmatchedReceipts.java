package dev.switchboard.sms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Storage port for receipts that overtook their SMS. Not per tenant: a receipt names only the
 * carrier's id, and the tenant is what matching finds (ADR 0016). Whoever deletes a receipt
 * ({@link #take}) is the one that applies it, so it is applied once however many look.
 */
public interface UnmatchedReceipts {
  void keep(UnmatchedReceipt receipt);

  List<UnmatchedReceipt> forCarrierIds(Collection<String> carrierMessageIds);

  /** Kept receipts whose carrier id now belongs to a recorded segment. */
  List<UnmatchedReceipt> matchable(int limit);

  /** Deletes the receipt; true for the one caller that deleted it. */
  boolean take(String id);

  /** Deletes receipts received before {@code before}; returns how many. */
  int expire(Instant before);
}
