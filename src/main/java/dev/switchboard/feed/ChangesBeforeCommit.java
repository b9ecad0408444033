package dev.switchboard.feed;

import java.util.List;

/**
 * Told about a transaction's changes inside that transaction, just before it commits: what an
 * implementation writes commits with the changes or rolls back with them, so a durable consumer
 * (the webhook outbox) can neither miss a committed change nor see one that never committed.
 * Runs on the committing thread, in log order; a failure rolls the whole transaction back.
 */
public interface ChangesBeforeCommit {
  void recording(List<Change> changes);
}
