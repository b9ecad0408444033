package dev.switchboard.metrics;

import dev.switchboard.wallet.CreditTransfer;
import dev.switchboard.wallet.CreditsTransferred;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Credit transfers that committed, by kind ({@code transfer} between users, {@code top_up} by an
 * operator): how many ({@code switchboard.credit.transfers}) and how many credits
 * ({@code switchboard.credits.transferred}). An idempotent replay moves nothing and is not counted.
 */
@Component
public class TransferMetrics {
  private final MeterRegistry registry;

  public TransferMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @TransactionalEventListener
  void committed(CreditsTransferred event) {
    CreditTransfer transfer = event.transfer();
    String kind = transfer.kind().name().toLowerCase(Locale.ROOT);
    Counters.add(registry, "switchboard.credit.transfers", "Credit transfers committed",
        "kind", kind, 1);
    Counters.add(registry, "switchboard.credits.transferred",
        "Credits moved by committed transfers", "kind", kind, transfer.amount());
  }
}
