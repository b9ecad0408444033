package dev.switchboard.realtime.bus;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.realtime.Change;
import dev.switchboard.realtime.ChangeAppended;
import dev.switchboard.realtime.ChangePayloads;
import dev.switchboard.realtime.ChangeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces each change on the bus once, after its transaction has committed. The changes of
 * one transaction are collected and addressed with one members query after commit (opening a
 * direct chat logs three changes: one query, not three), then published in log order.
 */
@Component
class ChangePublisher {
  private final RealtimeBus bus;
  private final Conversations conversations;
  private final JsonMapper json;

  ChangePublisher(RealtimeBus bus, Conversations conversations, JsonMapper json) {
    this.bus = bus;
    this.conversations = conversations;
    this.json = json;
  }

  @EventListener
  void on(ChangeAppended event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      publish(List.of(event.change()));
      return;
    }
    batchOfThisTransaction().changes.add(event.change());
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

  private void publish(List<Change> changes) {
    Map<String, List<Change>> byTenant =
        changes.stream()
            .collect(
                Collectors.groupingBy(Change::tenantId, LinkedHashMap::new, Collectors.toList()));
    Map<String, List<String>> recipients = new LinkedHashMap<>();
    byTenant.forEach(
        (tenantId, list) -> {
          Set<String> ids = new LinkedHashSet<>();
          list.forEach(c -> ids.add(c.conversationId()));
          for (Member m : conversations.members(tenantId, ids)) {
            recipients
                .computeIfAbsent(tenantId + "/" + m.conversationId(), k -> new ArrayList<>())
                .add(m.userId());
          }
        });
    for (Change change : changes) {
      bus.publish(
          new BusEvent.ChangeNotice(
              change.tenantId(),
              change.conversationId(),
              change.changeSeq(),
              json.writeValueAsString(ChangeView.frame(change)),
              recipientsOf(change, recipients)));
    }
  }

  private List<String> recipientsOf(Change change, Map<String, List<String>> members) {
    List<String> recipients =
        members.getOrDefault(change.tenantId() + "/" + change.conversationId(), List.of());
    if (!ChangePayloads.MEMBER_LEFT.equals(change.event())) {
      return recipients;
    }
    // The member is gone by now; he still hears that he left (or was removed or banned).
    List<String> withLeaver = new ArrayList<>(recipients);
    withLeaver.add(json.readTree(change.payload()).get("userId").asString());
    return withLeaver;
  }

  /** The changes of one transaction; published only if it commits. */
  private final class Batch implements TransactionSynchronization {
    private final List<Change> changes = new ArrayList<>();

    private ChangePublisher owner() {
      return ChangePublisher.this;
    }

    @Override
    public void afterCommit() {
      publish(changes);
    }
  }
}
