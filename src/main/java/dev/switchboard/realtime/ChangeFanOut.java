package dev.switchboard.realtime;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.CommittedChanges;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.gateway.RealtimeGateway;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The after-commit fan-out of every change, whichever module made it: renders each committed
 * change's frame once and hands it to the gateway, which delivers it to this node's connections
 * subscribed to the conversation (in process, so local delivery never waits for the bus) and
 * publishes it for the other nodes. Called by the change feed on the committing thread, with the
 * transaction's changes in log order; nothing here reads the database or blocks on a client.
 */
@Component
class ChangeFanOut implements CommittedChanges {
  private final RealtimeGateway gateway;
  private final JsonMapper json;

  ChangeFanOut(RealtimeGateway gateway, JsonMapper json) {
    this.gateway = gateway;
    this.json = json;
  }

  @Override
  public void committed(List<Change> changes) {
    List<BusEvent.ChangeNotice> notices =
        changes.stream()
            .map(
                change ->
                    new BusEvent.ChangeNotice(
                        change.tenantId(),
                        change.conversationId(),
                        change.changeSeq(),
                        change.event(),
                        change.subjectId(),
                        json.writeValueAsString(ChangeView.frame(change))))
            .toList();
    gateway.fanOut(new BusEvent.Changes(notices));
  }
}
