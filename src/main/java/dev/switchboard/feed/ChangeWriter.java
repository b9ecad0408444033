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
  private final Clock clock;
  private volatile List<CommittedChanges> subscribers;

  /**
   * Subscribers are found when the first transaction commits: they (realtime's gateway) depend
   * on services that write changes, so they cannot be given at construction.
   */
  public ChangeWriter(ChangeLog log, ObjectProvider<CommittedChanges> subscribers, Clock clock) {
    this.log = log;
    this.subscriberBeans = subscribers;
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

    @Override
    public void afterCommit() {
      List<Change> committed = List.copyOf(changes);
      subscribers().forEach(s -> s.committed(committed));
    }
  }
}
