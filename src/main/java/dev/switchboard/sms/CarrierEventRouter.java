package dev.switchboard.sms;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Where gateways deliver carrier events: receipts to the outbox, inbound SMS to routing. */
@Service
public class CarrierEventRouter implements CarrierEvents {
  private static final Logger log = LoggerFactory.getLogger(CarrierEventRouter.class);

  private final SmsOutbox outbox;
  private final SmsInbound inbound;

  public CarrierEventRouter(SmsOutbox outbox, SmsInbound inbound) {
    this.outbox = outbox;
    this.inbound = inbound;
  }

  /**
   * A receipt for a carrier id no SMS has yet is kept, not dropped (see {@link SmsReceipts});
   * it is counted ({@code switchboard.sms.receipts{result="kept"}}), so it is logged at DEBUG
   * only: a fast carrier makes it routine, and a WARN per message would drown the log.
   */
  @Override
  public void deliveryReceipt(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    if (outbox.receipt(carrierMessageId, outcome, detail) == ReceiptResult.KEPT) {
      log.debug("Kept a receipt for carrier message id {} ({}) until its SMS is recorded",
          carrierMessageId, outcome);
    }
  }

  @Override
  public void inbound(String from, String to, String text, Instant receivedAt) {
    inbound.receive(from, to, text, receivedAt);
  }
}
