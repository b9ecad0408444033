package dev.switchboard.realtime.bus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the bus reaches the other nodes, and since when. Logs once per change of state (WARN
 * when lost, INFO when back), never per message, and tells the listeners when the bus is back so
 * they catch up from the change log. A bus starts as not connected until it proves otherwise.
 */
final class BusState {
  private static final Logger log = LoggerFactory.getLogger(BusState.class);

  private final Clock clock;
  private final List<BusListener> listeners;
  private volatile boolean connected;
  private volatile Instant since;
  private boolean everConnected;
  /** The last state logged; null before the first. */
  private Boolean reported;

  BusState(Clock clock, List<BusListener> listeners) {
    this.clock = clock;
    this.listeners = listeners;
    this.since = clock.instant();
  }

  boolean connected() {
    return connected;
  }

  Instant since() {
    return since;
  }

  /** From the bus's timer and from Lettuce's disconnect event: synchronized, so transitions never race. */
  synchronized void update(boolean up, String why) {
    if (reported != null && reported == up) {
      return;
    }
    boolean first = reported == null;
    reported = up;
    connected = up;
    if (!first || up) {
      since = clock.instant();
    }
    if (up) {
      log.info(
          everConnected
              ? "Realtime bus reconnected to Redis; connections catch up from the change log"
              : "Realtime bus connected to Redis");
      everConnected = true;
      listeners.forEach(BusListener::onRecovered);
    } else {
      log.warn(
          "Realtime bus {} Redis ({}); this node keeps serving its own connections and reads"
              + " other nodes' changes from the change log until it is back",
          everConnected ? "lost" : "cannot reach",
          why);
    }
  }
}
