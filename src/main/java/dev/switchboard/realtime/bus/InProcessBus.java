package dev.switchboard.realtime.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The single-node bus: events go straight to this node's listeners. */
public class InProcessBus implements RealtimeBus {
  private final List<BusListener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(BusEvent event) {
    listeners.forEach(listener -> listener.onEvent(event));
  }

  @Override
  public void subscribe(BusListener listener) {
    listeners.add(listener);
  }
}
