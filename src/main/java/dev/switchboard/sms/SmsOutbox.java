package dev.switchboard.sms;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable outbox's public face: other services enqueue SMS inside their own transaction (so
 * the SMS exists exactly when their change commits), carriers' receipts settle them, and an
 * operator may send again one whose fate is unknown. Sending is the {@link SmsOutboxWorker}'s
 * job; the {@link SmsOutboxSweeper} repairs what a crash left half done.
 */
@Service
public class SmsOutbox {
  public static final int MAX_TEXT_LENGTH = 1600;

  private final SmsOutboxEntries entries;
  private final SmsReceipts receipts;
  private final SmsOutboxLoad load;
  private final boolean carrierConfigured;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public SmsOutbox(
      SmsOutboxEntries entries,
      SmsReceipts receipts,
      SmsOutboxLoad load,
      CarrierSetup carrier,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events) {
    this.entries = entries;
    this.receipts = receipts;
    this.load = load;
    this.carrierConfigured = carrier.configured();
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Refuses a new SMS while the outbox is over its limits (queued depth, or how long the oldest
   * due SMS has waited): {@code DomainException(UNAVAILABLE)}, which dialects render as "try
   * later" (NetSapiens: 503). Call it before {@link #enqueue}; without a carrier it never refuses
   * (enqueue does, with its own reason).
   */
  public void requireCapacity() {
    if (carrierConfigured) {
      load.requireCapacity();
    }
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
   * Settles the segment a carrier reports on (see {@link SmsReceipts}): one failed segment fails
   * the SMS; it is delivered once every segment is. A repeated receipt changes nothing; one for
   * a carrier id not recorded yet is kept until it is.
   */
  public ReceiptResult receipt(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    return receipts.apply(carrierMessageId, outcome, detail);
  }

  /**
   * Sends a failed or unknown SMS again: an operator's explicit choice, since for an unknown one
   * the handset may get it twice. Its attempts go on counting; receipts of the earlier attempt
   * no longer settle it.
   *
   * @throws DomainException NOT_FOUND when the tenant has no such SMS; CONFLICT when it is
   *     neither failed nor unknown
   */
  @Transactional
  public SmsOutboxEntry retry(String tenantId, String id) {
    SmsOutboxEntry entry = get(tenantId, id);
    String note = "Sent again by an operator after: " + entry.lastError();
    if (!entries.retry(tenantId, id, shorten(note), clock.instant())) {
      throw DomainException.conflict(
          "Only a failed or unknown SMS can be sent again; this one is " + entry.status().dbValue());
    }
    events.publishEvent(new SmsStatusChanged(tenantId, id, entry.messageId(), SmsStatus.QUEUED));
    return get(tenantId, id);
  }

  private static String shorten(String text) {
    return text.length() <= SmsOutboxWorker.MAX_ERROR_LENGTH
        ? text
        : text.substring(0, SmsOutboxWorker.MAX_ERROR_LENGTH);
  }
}
