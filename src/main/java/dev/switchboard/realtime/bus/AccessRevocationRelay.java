package dev.switchboard.realtime.bus;

import dev.switchboard.access.AccessRevocations;
import dev.switchboard.access.AccessRevoked;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries revocations to every node: after the revoking transaction commits, the revocation
 * goes on the bus; each node (this one included) applies it to its token check and its gateway
 * closes the user's connections ({@code Connections}). A node that misses the message still
 * refuses the tokens within {@code AccessRevocations}' reload period.
 */
@Component
class AccessRevocationRelay implements BusListener {
  private final RealtimeBus bus;
  private final AccessRevocations revocations;

  AccessRevocationRelay(RealtimeBus bus, AccessRevocations revocations) {
    this.bus = bus;
    this.revocations = revocations;
    bus.subscribe(this);
  }

  @TransactionalEventListener
  void on(AccessRevoked event) {
    bus.publish(new BusEvent.AccessRevocation(event.tenantId(), event.userId(), event.at()));
  }

  @Override
  public void onEvent(BusEvent event) {
    if (event instanceof BusEvent.AccessRevocation revocation) {
      revocations.apply(revocation.tenantId(), revocation.userId(), revocation.at());
    }
  }
}
