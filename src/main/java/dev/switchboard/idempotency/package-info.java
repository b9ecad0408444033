/**
 * Request idempotency, the way Stripe does it: a client's {@code Idempotency-Key} is bound to
 * its caller and its request; the first request with a key claims it, a concurrent duplicate
 * waits for its outcome (or is told it is still in progress), and the final outcome — success
 * or refusal — is stored and replayed until the key expires. Used by every write that takes a
 * key: Allmine sends, credit transfers, operators' top-ups and adjustments.
 */
@Owns({"idempotency_keys"})
package dev.switchboard.idempotency;

import dev.switchboard.shared.Owns;
