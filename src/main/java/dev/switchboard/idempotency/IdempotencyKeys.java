package dev.switchboard.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Storage port for idempotency keys, scoped by (tenant, caller, operation, key). */
public interface IdempotencyKeys {
  /** Claims a new key, in progress until {@code leaseUntil}; false when it exists already. */
  boolean claim(IdempotentRequest request, Instant leaseUntil, Instant now);

  Optional<StoredOutcome> find(IdempotentRequest request);

  /** Takes over a key whose first request's lease ran out (it died); false if another did. */
  boolean takeOver(IdempotentRequest request, Instant leaseUntil, Instant now);

  /** Records the result, in the caller's transaction (the one that made it). */
  void succeeded(IdempotentRequest request, String resultId, Instant expiresAt);

  /** Records the refusal. */
  void refused(IdempotentRequest request, StoredOutcome.Refusal refusal, Instant expiresAt);

  /** Forgets a claim whose request failed unexpectedly, so that a retry runs it again. */
  void release(IdempotentRequest request);

  /** Removes keys that expired before {@code now}; returns how many. */
  int removeExpired(Instant now);
}
