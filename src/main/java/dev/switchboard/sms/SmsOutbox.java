package dev.switchboard.sms;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox's public face: other services enqueue SMS inside their own transaction (so
 * the SMS exists exactly when their change commits), and carriers' receipts settle them.
 * Sending is the {@link SmsOutboxWorker}'s job.
 */
@Service
public class SmsOutbox {
  public static final int MAX_TEXT_LENGTH = 1600;

  private final SmsOutboxEntries entries;
  private final boolean carrierConfigured;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  public SmsOutbox(
      SmsOutboxEntries entries,
      CarrierSetup carrier,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.carrierConfigured = carrier.configured();
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /**
   * Stores an SMS as queued in the caller's transaction. Refuses when no carrier is configured:
   * an SMS nobody will ever send must fail loudly, not wait forever.
   *
   * @param messageId the chat message the SMS carries, or null
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public SmsOutboxEntry enqueue(
      String tenantId, String messageId, String from, String to, String text) {
    if (!carrierConfigured) {
      throw new DomainException(ErrorCode.UNAVAILABLE, "No SMS carrier is configured");
    }
    new Violations()
        .matches("from", from, PhoneNumbers.E164, PhoneNumbers.RULE)
        .notBlank("from", from)
        .matches("to", to, PhoneNumbers.E164, PhoneNumbers.RULE)
        .notBlank("to", to)
        .notBlank("text", text)
        .maxLength("text", text, MAX_TEXT_LENGTH)
        .throwIfAny();
    SmsOutboxEntry entry =
        SmsOutboxEntry.queued(tenantId, ids.next(), messageId, from, to, text, clock.instant());
    entries.insert(entry);
    events.publishEvent(new SmsStatusChanged(tenantId, entry.id(), messageId, SmsStatus.QUEUED));
    return entry;
  }

  @Transactional(readOnly = true)
  public SmsOutboxEntry get(String tenantId, String id) {
    return entries.find(tenantId, id).orElseThrow(() -> DomainException.notFound("SMS"));
  }

  /** A page of the domain's outbox in {@code status} (null: any), newest first, and its total. */
  public record Listing(List<SmsOutboxEntry> entries, long total) {}

  @Transactional(readOnly = true)
  public Listing list(String tenantId, SmsStatus status, int limit, long offset) {
    return new Listing(
        entries.list(tenantId, status, limit, offset), entries.count(tenantId, status));
  }

  /** How many SMS are in {@code status}, in every domain. */
  @Transactional(readOnly = true)
  public long depth(SmsStatus status) {
    return entries.countInStatus(status);
  }

  /**
   * Queues a failed SMS again, due now (its attempts count on). CONFLICT unless it is failed.
   */
  @Transactional
  public SmsOutboxEntry retry(String tenantId, String id) {
    get(tenantId, id);
    if (!entries.retry(tenantId, id, clock.instant())) {
      throw DomainException.conflict("Only a failed SMS can be retried");
    }
    return announced(tenantId, id);
  }

  /** Fails a queued SMS before it is sent. CONFLICT unless it is queued. */
  @Transactional
  public SmsOutboxEntry cancel(String tenantId, String id) {
    get(tenantId, id);
    if (!entries.cancel(tenantId, id, "Cancelled by an operator", clock.instant())) {
      throw DomainException.conflict("Only a queued SMS can be cancelled");
    }
    return announced(tenantId, id);
  }

  private SmsOutboxEntry announced(String tenantId, String id) {
    SmsOutboxEntry entry = get(tenantId, id);
    events.publishEvent(
        new SmsStatusChanged(entry.tenantId(), entry.id(), entry.messageId(), entry.status()));
    return entry;
  }

  /**
   * Settles the segment a carrier reports on. One failed segment fails the SMS; it is delivered
   * once every segment is. A receipt may repeat or arrive for an SMS already settled: only the
   * first one changes anything.
   *
   * @return false when no sent SMS has this carrier message id
   */
  public boolean receipt(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    return Boolean.TRUE.equals(tx.execute(status -> settle(carrierMessageId, outcome, detail)));
  }

  private boolean settle(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    List<CarrierPart> parts = entries.partsByCarrierId(carrierMessageId);
    SmsStatus partStatus =
        outcome == DeliveryOutcome.DELIVERED ? SmsStatus.DELIVERED : SmsStatus.FAILED;
    Instant now = clock.instant();
    for (CarrierPart part : parts) {
      entries.settlePart(part, partStatus);
      boolean settled =
          outcome == DeliveryOutcome.FAILED
              ? entries.settle(part.tenantId(), part.outboxId(), SmsStatus.FAILED,
                  "Carrier reported failure: " + detail, now)
              : allDelivered(part)
                  && entries.settle(part.tenantId(), part.outboxId(), SmsStatus.DELIVERED, null,
                      now);
      if (settled) {
        SmsOutboxEntry entry = entries.find(part.tenantId(), part.outboxId()).orElseThrow();
        events.publishEvent(
            new SmsStatusChanged(entry.tenantId(), entry.id(), entry.messageId(), entry.status()));
      }
    }
    return !parts.isEmpty();
  }

  private boolean allDelivered(CarrierPart part) {
    return entries.partStatuses(part.tenantId(), part.outboxId()).stream()
        .allMatch(SmsStatus.DELIVERED::equals);
  }
}
