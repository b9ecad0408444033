package dev.switchboard.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a change into the log inside the transaction that makes it — so the log and the data
 * can never disagree — and, once that transaction commits, hands the transaction's changes to
 * every {@link CommittedChanges} (never for a rollback). The only way a change enters the log.
 */
@Component
public class ChangeWriter {
  private final ChangeLog log;
  private final ObjectProvider<CommittedChanges> subscriberBeans;
  private final ObjectProvider<ChangesBeforeCommit> recorderBeans;
  private final Clock clock;
  private volatile List<CommittedChanges> subscribers;
  private volatile List<ChangesBeforeCommit> recorders;

  /**
   * Subscribers are found when the first transaction commits: they (realtime's gateway) depend
   * on services that write changes, so they cannot be given at construction.
   */
  public ChangeWriter(
      ChangeLog log,
      ObjectProvider<CommittedChanges> subscribers,
      ObjectProvider<ChangesBeforeCommit> recorders,
      Clock clock) {
    this.log = log;
    this.subscriberBeans = subscribers;
    this.recorderBeans = recorders;
    this.clock = clock;
  }

  private List<CommittedChanges> subscribers() {
    List<CommittedChanges> found = subscribers;
    if (found == null) {
      found = subscriberBeans.orderedStream().toList();
      subscribers = found;
    }
    return found;
  }

  private List<ChangesBeforeCommit> recorders() {
    List<ChangesBeforeCommit> found = recorders;
    if (found == null) {
      found = recorderBeans.orderedStream().toList();
      recorders = found;
    }
    return found;
  }

  /** Appends under {@code changeSeq}, taken by the caller in this transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change write(String tenantId, String conversationId, long changeSeq, ChangeEvent event) {
    Change change = log.append(tenantId, conversationId, changeSeq, event, clock.instant());
    batchOfThisTransaction().changes.add(change);
    return change;
  }

  /**
   * Found among the transaction's own synchronizations, which Spring sets aside while a
   * transaction is suspended, so an inner transaction never adds to an outer one's batch.
   */
  private Batch batchOfThisTransaction() {
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Batch batch && batch.owner() == this) {
        return batch;
      }
    }
    Batch batch = new Batch();
    TransactionSynchronizationManager.registerSynchronization(batch);
    return batch;
  }

  /** The changes of one transaction; handed on only if it commits. */
  private final class Batch implements TransactionSynchronization {
    private final List<Change> changes = new ArrayList<>();

    private ChangeWriter owner() {
      return ChangeWriter.this;
    }

    /** Still inside the transaction: what recorders write commits or rolls back with it. */
    @Override
    public void beforeCommit(boolean readOnly) {
      List<Change> pending = List.copyOf(changes);
      recorders().forEach(r -> r.recording(pending));
    }

    @Override
    public void afterCommit() {
      List<Change> committed = List.copyOf(changes);
      subscribers().forEach(s -> s.committed(committed));
    }
  }
}
