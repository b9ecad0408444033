package dev.switchboard.realtime;

import dev.switchboard.access.AccessRevocations;
import dev.switchboard.access.AccessRevoked;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries revocations to every node: after the revoking transaction commits, the revocation goes
 * to this node's faces (the gateway closes the user's connections) and to the other nodes, where
 * it is also applied to the token check. (The revoking node applies it to
 * its own token check at commit: {@link AccessRevocations#revoke}.) A node that misses the
 * message still refuses the tokens within {@code AccessRevocations}' reload period.
 */
@Component
class AccessRevocationRelay implements BusListener {
  private final Faces faces;
  private final AccessRevocations revocations;

  AccessRevocationRelay(Faces faces, AccessRevocations revocations) {
    this.faces = faces;
    this.revocations = revocations;
    faces.add(this);
  }

  @TransactionalEventListener
  void on(AccessRevoked event) {
    faces.publish(new BusEvent.AccessRevocation(event.tenantId(), event.userId(), event.at()));
  }

  @Override
  public void onEvent(BusEvent event) {
    if (event instanceof BusEvent.AccessRevocation revocation) {
      revocations.apply(revocation.tenantId(), revocation.userId(), revocation.at());
    }
  }
}
