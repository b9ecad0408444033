package dev.switchboard.realtime.bus;

/** The bus of a node that runs alone: there is nobody else to tell. */
public class SingleNodeBus implements RealtimeBus {
  @Override
  public void publish(BusEvent event) {}

  @Override
  public void subscribe(BusListener listener) {}
}
