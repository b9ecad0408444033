package dev.switchboard.idempotency;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Term;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a keyed request at most once and answers every retry with the same outcome. The first
 * request with a key claims it in a transaction of its own, so a concurrent duplicate sees the
 * claim at once instead of racing it into a business error (an insufficient balance the first
 * request's own debit caused): the duplicate waits for the outcome ({@code waitForFirst}) and
 * replays it, or is told the first request is still in progress. The result is recorded in the
 * work's own transaction, so it exists exactly when the work committed; a refusal the work
 * decided on (forbidden, not found, conflict, insufficient credits) is recorded after its
 * rollback and replayed too. Invalid, unauthenticated, rate-limited or failed requests leave
 * the key free: the client may correct the request and send it again with the same key.
 */
@Component
public class IdempotentRequests {
  private static final List<ErrorCode> REMEMBERED =
      List.of(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.CONFLICT,
          ErrorCode.INSUFFICIENT_CREDITS, ErrorCode.PAYLOAD_TOO_LARGE);

  /** What a request answered, and whether it is the replay of an earlier request's answer. */
  public record Outcome<T>(T value, boolean replayed) {}

  private final IdempotencyKeys keys;
  private final IdempotencyProperties properties;
  private final Clock clock;
  private final TransactionTemplate work;
  private final TransactionTemplate own;
  private final ApplicationEventPublisher events;

  public IdempotentRequests(
      IdempotencyKeys keys,
      IdempotencyProperties properties,
      Clock clock,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events) {
    this.events = events;
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
    this.work = new TransactionTemplate(transactions);
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Runs {@code action} in a transaction, once per key.
   *
   * @param resultId the id of what the action made, recorded for replays
   * @param replay finds that again by its id, for a retry (in a read transaction)
   */
  public <T> Outcome<T> once(
      IdempotentRequest request,
      Supplier<T> action,
      Function<T, String> resultId,
      Function<String, T> replay) {
    if (request.key() == null) {
      return new Outcome<>(work.execute(status -> action.get()), false);
    }
    request.validate();
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // The claim must commit on its own before the work starts, or duplicates cannot see it.
      throw new IllegalStateException("a keyed request must not run inside a transaction");
    }
    Instant giveUp = clock.instant().plus(properties.waitForFirst());
    Duration pause = Duration.ofMillis(20);
    while (true) {
      Instant now = clock.instant();
      Instant lease = now.plus(properties.lease());
      if (Boolean.TRUE.equals(own.execute(s -> keys.claim(request, lease, now)))) {
        return run(request, action, resultId);
      }
      Optional<StoredOutcome> stored = own.execute(s -> keys.find(request));
      if (stored.isPresent()) {
        StoredOutcome outcome = stored.get();
        if (!outcome.fingerprint().equals(request.fingerprint())) {
          throw DomainException.conflict(
              Term.IDEMPOTENCY_KEY + " was already used for a different request");
        }
        if (outcome.finished()) {
          events.publishEvent(new IdempotentReplay(request.operation(), outcome.refusal() != null));
          if (outcome.refusal() != null) {
            throw outcome.refusal().toException();
          }
          return new Outcome<>(work.execute(s -> replay.apply(outcome.resultId())), true);
        }
        if (outcome.inProgressUntil().isBefore(now)
            && Boolean.TRUE.equals(own.execute(s -> keys.takeOver(request, lease, now)))) {
          return run(request, action, resultId);
        }
        if (now.isAfter(giveUp)) {
          throw new DomainException(ErrorCode.CONFLICT, ErrorReason.REQUEST_IN_PROGRESS,
              "A request with this " + Term.IDEMPOTENCY_KEY + " is still in progress; retry later",
              List.of());
        }
      }
      pause(pause);
      pause = pause.multipliedBy(2).compareTo(Duration.ofMillis(200)) > 0
          ? Duration.ofMillis(200) : pause.multipliedBy(2);
    }
  }

  private <T> Outcome<T> run(IdempotentRequest request, Supplier<T> action, Function<T, String> resultId) {
    try {
      T value =
          work.execute(
              status -> {
                T made = action.get();
                keys.succeeded(request, resultId.apply(made), clock.instant().plus(properties.ttl()));
                return made;
              });
      return new Outcome<>(value, false);
    } catch (DomainException refused) {
      if (REMEMBERED.contains(refused.code())) {
        own.executeWithoutResult(s -> keys.refused(
            request, StoredOutcome.Refusal.of(refused), clock.instant().plus(properties.ttl())));
      } else {
        own.executeWithoutResult(s -> keys.release(request));
      }
      throw refused;
    } catch (RuntimeException | Error failed) {
      own.executeWithoutResult(s -> keys.release(request));
      throw failed;
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the first request", e);
    }
  }
}
