package dev.switchboard.realtime;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.CommittedChanges;
import dev.switchboard.realtime.bus.BusEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The after-commit fan-out of every change, whichever module made it: renders each committed
 * change's frame once and hands the transaction's changes to this node's {@link Faces} (in
 * process, so local delivery never waits for the bus), which publish them for the other nodes. Called by the change feed on the committing thread, with the
 * transaction's changes in log order; nothing here reads the database or blocks on a client.
 */
@Component
class ChangeFanOut implements CommittedChanges {
  private final Faces faces;
  private final JsonMapper json;

  ChangeFanOut(Faces faces, JsonMapper json) {
    this.faces = faces;
    this.json = json;
  }

  @Override
  public void committed(List<Change> changes) {
    faces.publish(changes(changes, json));
  }

  /** The bus event of committed changes, each frame rendered once for every receiver. */
  static BusEvent.Changes changes(List<Change> changes, JsonMapper json) {
    return new BusEvent.Changes(
        changes.stream()
            .map(
                change ->
                    new BusEvent.ChangeNotice(
                        change.tenantId(),
                        change.conversationId(),
                        change.changeSeq(),
                        change.event(),
                        change.subjectId(),
                        json.writeValueAsString(ChangeView.frame(change)),
                        change.createdAt()))
            .toList());
  }
}
