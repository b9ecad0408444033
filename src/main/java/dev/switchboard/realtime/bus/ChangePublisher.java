package dev.switchboard.realtime.bus;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.realtime.Change;
import dev.switchboard.realtime.ChangeAppended;
import dev.switchboard.realtime.ChangePayloads;
import dev.switchboard.realtime.ChangeView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** Announces each change on the bus once, after its transaction has committed. */
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

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void on(ChangeAppended event) {
    Change change = event.change();
    List<String> recipients =
        new ArrayList<>(
            conversations.members(change.tenantId(), change.conversationId()).stream()
                .map(Member::userId)
                .toList());
    if (ChangePayloads.MEMBER_LEFT.equals(change.event())) {
      // The member is gone by now; he still hears that he left (or was removed or banned).
      recipients.add(json.readTree(change.payload()).get("userId").asString());
    }
    bus.publish(
        new BusEvent.ChangeNotice(
            change.tenantId(),
            change.conversationId(),
            change.changeSeq(),
            json.writeValueAsString(ChangeView.frame(change)),
            recipients));
  }
}
