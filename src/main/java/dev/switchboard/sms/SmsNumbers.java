package dev.switchboard.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for SMS numbers. Every call but {@link #route} is scoped to one tenant. */
public interface SmsNumbers {
  /** Inserts the number; false when it already exists, in this domain or any other. */
  boolean insert(SmsNumber number);

  Optional<SmsNumber> find(String tenantId, String number);

  List<SmsNumber> list(String tenantId);

  List<SmsNumber> listForUser(String tenantId, String userId);

  /** Sets (or with null clears) the number's user; false when the number is not the tenant's. */
  boolean assign(String tenantId, String number, String userId, Instant now);

  boolean delete(String tenantId, String number);

  /** The owner of a receiving number, whatever its domain: how inbound SMS find their tenant. */
  Optional<SmsNumber> route(String number);
}
