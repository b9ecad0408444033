package dev.switchboard.realtime;

import dev.switchboard.realtime.bus.BusListener;

/**
 * A face that holds client connections on this node (Amity's MQTT gateway, for one), so the
 * operator's connection counts show every way clients are connected, not only {@code /realtime/v1}.
 */
public interface ConnectedFace extends BusListener {
  /** The face's name in the operator's counts, e.g. {@code amity-mqtt}. */
  String faceName();

  /** Its open connections on this node. */
  int connectionCount();
}
