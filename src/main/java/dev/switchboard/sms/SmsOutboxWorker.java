package dev.switchboard.sms;

import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox entries through the carrier. Safe to run on any number of threads and nodes at
 * once: a row is only worked on by the worker whose conditional claim won it, and only the
 * holder of the claim token can record its outcome. The carrier call runs outside any
 * transaction; claiming and recording are each their own short transaction.
 */
public class SmsOutboxWorker {
  /**
   * Why an entry found sending with an expired lease is failed rather than sent again: its
   * worker died (or hung past the lease) after claiming it, and nothing tells us whether the
   * carrier took the SMS before that. Resending could deliver it twice; we choose at most once
   * and say so in the entry's error.
   */
  public static final String OUTCOME_UNKNOWN =
      "Outcome unknown: the sender stopped after claiming this SMS; not resent to avoid a duplicate";

  private static final Logger log = LoggerFactory.getLogger(SmsOutboxWorker.class);
  private static final int BATCH = 50;
  private static final int MAX_ERROR_LENGTH = 500;

  private final SmsOutboxEntries entries;
  private final SmsGateway gateway;
  private final OutboxPolicy policy;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  public SmsOutboxWorker(
      SmsOutboxEntries entries,
      SmsGateway gateway,
      OutboxPolicy policy,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.gateway = gateway;
    this.policy = policy;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /** One pass: fails abandoned entries, then sends what is due. Returns how many it sent. */
  public int runOnce() {
    failAbandoned();
    List<SmsOutboxEntry> due = tx.execute(status -> entries.due(clock.instant(), BATCH));
    int sent = 0;
    for (SmsOutboxEntry entry : due) {
      String token = ids.next();
      if (claim(entry, token) && send(entry, token)) {
        sent++;
      }
    }
    return sent;
  }

  private void failAbandoned() {
    Instant now = clock.instant();
    for (SmsOutboxEntry entry : tx.execute(status -> entries.expiredLeases(now, BATCH))) {
      change(entry, SmsStatus.FAILED,
          () -> entries.failExpired(entry.tenantId(), entry.id(), OUTCOME_UNKNOWN, now));
    }
  }

  private boolean claim(SmsOutboxEntry entry, String token) {
    Instant now = clock.instant();
    return change(entry, SmsStatus.SENDING,
        () -> entries.claim(entry.tenantId(), entry.id(), token, now, now.plus(policy.lease())));
  }

  private boolean send(SmsOutboxEntry entry, String token) {
    int attempt = entry.attempts() + 1;
    try {
      CarrierSubmission submission =
          gateway.submit(new OutboundSms(entry.from(), entry.to(), entry.text(), entry.id()));
      boolean recorded = change(entry, SmsStatus.SENT,
          () -> entries.markSent(entry.tenantId(), entry.id(), token,
              submission.carrierMessageIds(), submission.segments(), clock.instant()));
      if (!recorded) {
        log.warn("SMS {} was sent but its claim had expired; the sweep marked it failed",
            entry.id());
      }
      return recorded;
    } catch (TransientCarrierFailure e) {
      String error = shorten(e.getMessage());
      if (attempt >= policy.maxAttempts()) {
        change(entry, SmsStatus.FAILED, () -> entries.fail(entry.tenantId(), entry.id(), token,
            "Gave up after " + attempt + " attempts: " + error, clock.instant()));
      } else {
        Instant next = clock.instant().plus(policy.backoff().delay(attempt));
        change(entry, SmsStatus.QUEUED, () -> entries.requeue(entry.tenantId(), entry.id(), token,
            next, error, clock.instant()));
      }
    } catch (PermanentCarrierFailure e) {
      change(entry, SmsStatus.FAILED, () -> entries.fail(entry.tenantId(), entry.id(), token,
          shorten(e.getMessage()), clock.instant()));
    } catch (RuntimeException e) {
      // An unexpected error says nothing about whether the carrier took the SMS: at most once.
      log.error("Unexpected failure sending SMS {}", entry.id(), e);
      change(entry, SmsStatus.FAILED, () -> entries.fail(entry.tenantId(), entry.id(), token,
          shorten("Outcome unknown: " + e), clock.instant()));
    }
    return false;
  }

  /** Runs one conditional status change and, when it won, publishes it in the same transaction. */
  private boolean change(SmsOutboxEntry entry, SmsStatus to, StatusUpdate update) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              boolean won = update.apply();
              if (won) {
                events.publishEvent(
                    new SmsStatusChanged(entry.tenantId(), entry.id(), entry.messageId(), to));
              }
              return won;
            }));
  }

  private static String shorten(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  @FunctionalInterface
  private interface StatusUpdate {
    boolean apply();
  }
}
