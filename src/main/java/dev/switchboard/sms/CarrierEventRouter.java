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

  @Override
  public void deliveryReceipt(String carrierMessageId, DeliveryOutcome outcome, String detail) {
    if (!outbox.receipt(carrierMessageId, outcome, detail)) {
      log.warn("Receipt for unknown carrier message id {} ({})", carrierMessageId, outcome);
    }
  }

  @Override
  public void inbound(String from, String to, String text, Instant receivedAt) {
    inbound.receive(from, to, text, receivedAt);
  }
}
