package dev.switchboard.realtime.bus;

/**
 * Carries events to the other nodes. A node delivers its own events to its own connections in
 * process, never through the bus, so local delivery does not depend on it. Delivery is best
 * effort and at most once; completeness comes from the change log, which receivers read to fill
 * any gap they detect by sequence number.
 */
public interface RealtimeBus extends AutoCloseable {
  /** Sends the event to every other node (a single node has none). */
  void publish(BusEvent event);

  /** Receives the other nodes' events. */
  void subscribe(BusListener listener);

  /** What carries events between nodes, for the operator's dashboard. */
  default String kind() {
    return "in-process";
  }

  /** Whether events currently reach the other nodes. */
  default boolean connected() {
    return true;
  }

  /** When the bus last became connected or not (null for the in-process bus, always there). */
  default java.time.Instant since() {
    return null;
  }

  @Override
  default void close() {}
}
