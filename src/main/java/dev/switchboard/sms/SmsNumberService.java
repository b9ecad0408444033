package dev.switchboard.sms;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A domain's SMS numbers: create, list, assign to a user, unassign, delete. */
@Service
public class SmsNumberService {
  private final SmsNumbers numbers;
  private final UserService users;
  private final Clock clock;

  public SmsNumberService(SmsNumbers numbers, UserService users, Clock clock) {
    this.numbers = numbers;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Adds a number to the domain, optionally assigned to one of its users.
   *
   * @throws DomainException CONFLICT when any domain already has the number
   */
  @Transactional
  public SmsNumber create(String tenantId, String number, String userId) {
    validate(number);
    if (userId != null) {
      users.get(tenantId, userId);
    }
    Instant now = clock.instant();
    SmsNumber created = new SmsNumber(tenantId, number, userId, now, now);
    if (!numbers.insert(created)) {
      throw DomainException.conflict("SMS number " + number + " is already in use");
    }
    return created;
  }

  @Transactional(readOnly = true)
  public List<SmsNumber> list(String tenantId) {
    return numbers.list(tenantId);
  }

  @Transactional(readOnly = true)
  public List<SmsNumber> listForUser(String tenantId, String userId) {
    return numbers.listForUser(tenantId, userId);
  }

  @Transactional(readOnly = true)
  public SmsNumber get(String tenantId, String number) {
    return numbers.find(tenantId, number).orElseThrow(() -> DomainException.notFound("SMS number"));
  }

  @Transactional
  public SmsNumber assign(String tenantId, String number, String userId) {
    new Violations().notBlank("userId", userId).throwIfAny();
    users.get(tenantId, userId);
    return setUser(tenantId, number, userId);
  }

  @Transactional
  public SmsNumber unassign(String tenantId, String number) {
    return setUser(tenantId, number, null);
  }

  @Transactional
  public void delete(String tenantId, String number) {
    if (!numbers.delete(tenantId, number)) {
      throw DomainException.notFound("SMS number");
    }
  }

  private SmsNumber setUser(String tenantId, String number, String userId) {
    if (!numbers.assign(tenantId, number, userId, clock.instant())) {
      throw DomainException.notFound("SMS number");
    }
    return get(tenantId, number);
  }

  private static void validate(String number) {
    new Violations()
        .notBlank("number", number)
        .matches("number", number, PhoneNumbers.E164, PhoneNumbers.RULE)
        .throwIfAny();
  }
}
