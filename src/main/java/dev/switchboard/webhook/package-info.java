/**
 * Webhooks: subscriptions of a domain (native, Amity or NetSapiens shaped), a durable delivery
 * outbox filled from the change feed inside the transaction that makes each change, and the
 * dispatcher that posts, signs, retries and suspends (docs/webhooks.md, ADR 0022).
 */
@Owns({"webhook_subscriptions", "webhook_attempt_counts", "webhook_deliveries"})
package dev.switchboard.webhook;

import dev.switchboard.shared.Owns;
