package dev.switchboard.wallet;

import dev.switchboard.tenant.TenantCreated;
import dev.switchboard.user.UserCreated;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Opens wallets in the transaction that creates their owner, so a user never lacks one. */
@Component
class WalletProvisioning {
  private final Wallets wallets;
  private final Clock clock;

  WalletProvisioning(Wallets wallets, Clock clock) {
    this.wallets = wallets;
    this.clock = clock;
  }

  @EventListener
  void on(UserCreated event) {
    wallets.open(event.user().tenantId(), Accounts.user(event.user().userId()), clock.instant());
  }

  @EventListener
  void on(TenantCreated event) {
    wallets.open(event.tenant().id(), Accounts.ISSUANCE, clock.instant());
  }
}
