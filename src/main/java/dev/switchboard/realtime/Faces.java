package dev.switchboard.realtime;

import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import dev.switchboard.realtime.bus.RealtimeBus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * This node's faces — what clients receive changes through: the WebSocket gateway, the
 * operator's change streams, and any other. An event made on this node is handed to every face in
 * process (so local delivery never waits for, or depends on, the bus) and published for the other
 * nodes; an event from another node arrives from the bus and is handed to the faces the same way.
 * Faces only queue work: nothing here blocks.
 */
@Component
public class Faces implements BusListener {
  private final RealtimeBus bus;
  private final List<BusListener> faces = new CopyOnWriteArrayList<>();

  public Faces(RealtimeBus bus) {
    this.bus = bus;
    bus.subscribe(this);
  }

  /** Adds a face: from now on it hears every event, of this node and of the others. */
  public void add(BusListener face) {
    faces.add(face);
  }

  /** Open connections on this node per face that holds connections, by its name. */
  public Map<String, Integer> connectionCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (BusListener face : faces) {
      if (face instanceof ConnectedFace connected) {
        counts.merge(connected.faceName(), connected.connectionCount(), Integer::sum);
      }
    }
    return counts;
  }

  /** An event of this node: to the local faces, then to the other nodes. */
  public void publish(BusEvent event) {
    onEvent(event);
    bus.publish(event);
  }

  @Override
  public void onEvent(BusEvent event) {
    faces.forEach(face -> face.onEvent(event));
  }

  @Override
  public void onRecovered() {
    faces.forEach(BusListener::onRecovered);
  }
}
