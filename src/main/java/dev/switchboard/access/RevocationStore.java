package dev.switchboard.access;

import java.time.Instant;
import java.util.List;

/** Storage port for revocation cut-offs of signed access tokens. */
public interface RevocationStore {
  /** One cut-off: tokens of the user (or the whole domain) issued up to {@code at} are refused. */
  record Cutoff(String tenantId, String userId, Instant at) {}

  /** Sets the cut-off, replacing an earlier one. */
  void put(Cutoff cutoff);

  /** Cut-offs set at or after {@code since}, and all of them when {@code since} is null. */
  List<Cutoff> since(Instant since);
}
