package dev.switchboard.file;

import java.time.Instant;
import java.util.Optional;

/** Storage port for each domain's media policy; a domain without one follows the server default. */
public interface FilePolicies {
  /** Whether the domain shares photos' GPS positions with users other than the owner, if it said. */
  Optional<Boolean> shareGps(String tenantId);

  void setShareGps(String tenantId, boolean shareGps, Instant at);
}
