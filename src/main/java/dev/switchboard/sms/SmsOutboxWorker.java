package dev.switchboard.sms;

import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox entries through the carrier, {@link SmsGateway#maxInFlight()} at once (the
 * SMPP window of every bind), each on a sender thread of its own. Safe to run on any
 * number of nodes: a row is only worked on by the worker whose conditional claim won it, and
 * only the holder of the claim token can record its outcome. It claims nothing while the carrier
 * cannot take submits at all (no bound session), so no attempt is spent while it is down.
 * The carrier call runs outside any transaction; claiming and recording are each their own.
 */
public class SmsOutboxWorker implements AutoCloseable {
  static final int MAX_ERROR_LENGTH = 500;
  private static final Logger log = LoggerFactory.getLogger(SmsOutboxWorker.class);

  private final SmsOutboxEntries entries;
  private final SmsOutboxParts parts;
  private final SmsReceipts receipts;
  private final SmsGateway gateway;
  private final OutboxPolicy policy;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final SmsMetrics metrics;
  private final TransactionTemplate tx;
  /** Sender threads, busy from the claim until the result is recorded. */
  private final Semaphore slots;
  /** Places in the carrier's window, held from the submit until the carrier answered. */
  private final Semaphore submitting;
  /** Entries handed to a sender and not claimed yet: still due, so not handed out twice. */
  private final Set<String> inHand = ConcurrentHashMap.newKeySet();
  private final ExecutorService senders;

  public SmsOutboxWorker(
      SmsOutboxEntries entries,
      SmsOutboxParts parts,
      SmsReceipts receipts,
      SmsGateway gateway,
      OutboxPolicy policy,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      SmsMetrics metrics,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.parts = parts;
    this.receipts = receipts;
    this.gateway = gateway;
    this.policy = policy;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.tx = new TransactionTemplate(transactionManager);
    // Twice the carrier's window in threads: while one window's worth of SMS is on the wire, as
    // many are claimed and ready, or recording their results, so the window never waits on the
    // database.
    int senderThreads = 2 * gateway.maxInFlight();
    this.slots = new Semaphore(senderThreads);
    this.submitting = new Semaphore(gateway.maxInFlight());
    this.senders = Executors.newFixedThreadPool(senderThreads,
        Thread.ofPlatform().name("sms-sender-", 1).daemon().factory());
  }

  /**
   * Hands due entries to free sender threads while the carrier can take submits at all; each
   * sender claims its entry, waits for a place in the window, submits, and records the result.
   * Returns the sends it started (already running when it returns).
   */
  public List<CompletableFuture<Boolean>> dispatch() {
    int free = slots.availablePermits();
    if (free <= 0 || !gateway.available()) {
      return List.of();
    }
    // Entries handed out but not claimed yet are still due: ask for that many more, skip them.
    List<SmsOutboxEntry> due =
        tx.execute(status -> entries.due(clock.instant(), free + inHand.size()));
    List<CompletableFuture<Boolean>> started = new ArrayList<>();
    for (SmsOutboxEntry entry : due) {
      String key = entry.tenantId() + "/" + entry.id();
      if (inHand.contains(key)) {
        continue;
      }
      if (!slots.tryAcquire()) {
        break;
      }
      inHand.add(key);
      started.add(CompletableFuture.supplyAsync(() -> {
        try {
          String token = ids.next();
          boolean claimed;
          try {
            claimed = claim(entry, token);
          } finally {
            inHand.remove(key);
          }
          return claimed && send(entry, token);
        } catch (RuntimeException e) {
          // The database failed around the submit: unclaimed, it stays queued; claimed, the
          // sweeper finds its lease expired and marks it unknown (it may have gone out).
          log.error("Could not claim or record SMS {}", entry.id(), e);
          return false;
        } finally {
          slots.release();
        }
      }, senders));
    }
    return started;
  }

  /** One pass that waits for the sends it started; returns how many the carrier took. */
  public int runOnce() {
    return (int) dispatch().stream().map(CompletableFuture::join).filter(Boolean::booleanValue)
        .count();
  }

  /** Waits until a sender thread is free: the dispatcher waits on this rather than polling. */
  boolean awaitFreeSlot(Duration max) throws InterruptedException {
    if (slots.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
      slots.release();
      return true;
    }
    return false;
  }

  boolean hasFreeSlot() {
    return slots.availablePermits() > 0;
  }

  private boolean claim(SmsOutboxEntry entry, String token) {
    Instant now = clock.instant();
    boolean won = change(entry, SmsStatus.SENDING,
        () -> entries.claim(entry.tenantId(), entry.id(), token, now, now.plus(policy.lease())));
    if (won) {
      metrics.attempt();
    }
    return won;
  }

  /** Waits for a place in the window, submits, and gives the place back once answered. */
  private CarrierSubmission submit(SmsOutboxEntry entry) {
    try {
      submitting.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientCarrierFailure("Stopped before the submit", e);
    }
    try {
      return gateway.submit(new OutboundSms(entry.from(), entry.to(), entry.text(), entry.id()));
    } finally {
      submitting.release();
    }
  }

  private boolean send(SmsOutboxEntry entry, String token) {
    int attempt = entry.attempts() + 1;
    try {
      CarrierSubmission submission = submit(entry);
      boolean recorded = change(entry, SmsStatus.SENT,
          () -> entries.markSent(entry.tenantId(), entry.id(), token,
              submission.carrierMessageIds(), submission.segments(), clock.instant()));
      if (!recorded) {
        log.warn("SMS {} was sent but its claim was taken back (retried by an operator?)",
            entry.id());
        return false;
      }
      receipts.matchKept(submission.carrierMessageIds());
      return true;
    } catch (TransientCarrierFailure e) {
      String error = shorten(e.getMessage());
      if (attempt >= policy.maxAttempts()) {
        settle(entry, SmsStatus.FAILED, SmsFailureReason.RETRIES_EXHAUSTED, List.of(),
            () -> entries.fail(entry.tenantId(), entry.id(), token,
                "Gave up after " + attempt + " attempts: " + error, clock.instant()));
      } else {
        metrics.failure(SmsFailureReason.TRANSIENT);
        Instant next = clock.instant().plus(policy.backoff().delay(attempt));
        change(entry, SmsStatus.QUEUED, () -> entries.requeue(entry.tenantId(), entry.id(), token,
            next, error, clock.instant()));
      }
    } catch (PermanentCarrierFailure e) {
      settle(entry, SmsStatus.FAILED, SmsFailureReason.REFUSED, e.acceptedIds(),
          () -> entries.fail(entry.tenantId(), entry.id(), token, shorten(e.getMessage()),
              clock.instant()));
    } catch (CarrierOutcomeUnknown e) {
      settle(entry, SmsStatus.UNKNOWN, SmsFailureReason.OUTCOME_UNKNOWN, e.acceptedIds(),
          () -> entries.markUnknown(entry.tenantId(), entry.id(), token,
              shorten("Outcome unknown, not resent: " + e.getMessage()), clock.instant()));
    } catch (RuntimeException e) {
      // An unexpected error says nothing about whether the carrier took the SMS: at most once.
      log.error("Unexpected failure sending SMS {}", entry.id(), e);
      settle(entry, SmsStatus.UNKNOWN, SmsFailureReason.OUTCOME_UNKNOWN, List.of(),
          () -> entries.markUnknown(entry.tenantId(), entry.id(), token,
              shorten("Outcome unknown, not resent: " + e), clock.instant()));
    }
    return false;
  }

  /** A final status: the segments the carrier did take are recorded, so their receipts match. */
  private void settle(SmsOutboxEntry entry, SmsStatus to, SmsFailureReason reason,
      List<String> acceptedIds, StatusUpdate update) {
    boolean won = change(entry, to, () -> {
      boolean changed = update.apply();
      if (changed && !acceptedIds.isEmpty()) {
        parts.add(entry.tenantId(), entry.id(), acceptedIds);
      }
      return changed;
    });
    if (won) {
      metrics.failure(reason);
      metrics.settled(to);
      if (!acceptedIds.isEmpty()) {
        receipts.matchKept(acceptedIds);
      }
    }
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

  static String shorten(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  /** Waits up to {@code max} for the sends in flight to finish, then stops the senders. */
  public void close(Duration max) {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  @FunctionalInterface
  private interface StatusUpdate {
    boolean apply();
  }
}
