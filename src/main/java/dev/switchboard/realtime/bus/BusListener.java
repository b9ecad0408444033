package dev.switchboard.realtime.bus;

/** Receives the events of other nodes on this node. */
public interface BusListener {
  void onEvent(BusEvent event);

  /** The bus was down and is back: events may have been missed meanwhile. */
  default void onRecovered() {}
}
