package dev.switchboard.realtime.bus;

/**
 * Fan-out between nodes. Delivery is best effort and at most once; completeness comes from the
 * change log, which receivers read to fill any gap they detect by sequence number.
 */
public interface RealtimeBus extends AutoCloseable {
  void publish(BusEvent event);

  void subscribe(BusListener listener);

  /** What carries events between nodes, for the operator's dashboard. */
  default String kind() {
    return "in-process";
  }

  /** Whether events currently reach the other nodes. */
  default boolean connected() {
    return true;
  }

  @Override
  default void close() {}
}
