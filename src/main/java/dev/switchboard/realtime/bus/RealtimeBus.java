package dev.switchboard.realtime.bus;

/**
 * Fan-out between nodes. Delivery is best effort and at most once; completeness comes from the
 * change log, which receivers read to fill any gap they detect by sequence number.
 */
public interface RealtimeBus extends AutoCloseable {
  void publish(BusEvent event);

  void subscribe(BusListener listener);

  @Override
  default void close() {}
}
