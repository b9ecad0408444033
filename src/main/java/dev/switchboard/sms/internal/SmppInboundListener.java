package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the SMSC's deliver_sm into carrier events: delivery receipts (esm_class receipt flag)
 * and mobile-originated SMS, reassembled when concatenated. When recording fails (database
 * down), the deliver_sm is refused with a system error so the SMSC delivers it again later.
 */
class SmppInboundListener implements MessageReceiverListener {
  private static final Logger log = LoggerFactory.getLogger(SmppInboundListener.class);
  private static final int ESME_RSYSERR = 0x08;
  private static final int ESME_RINVCMDID = 0x03;

  private final CarrierEvents events;
  private final Clock clock;
  private final ConcatenatedInbound concatenated = new ConcatenatedInbound();

  SmppInboundListener(CarrierEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    try {
      if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
        receipt(deliverSm);
      } else {
        mobileOriginated(deliverSm);
      }
    } catch (RuntimeException e) {
      log.error("Could not record a deliver_sm; the SMSC will retry it", e);
      throw new ProcessRequestException("deliver_sm not recorded", ESME_RSYSERR, e);
    }
  }

  private void receipt(DeliverSm deliverSm) {
    String text = new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1);
    SmppReceiptText.parse(text)
        .ifPresentOrElse(
            receipt -> receipt.outcome().ifPresent(outcome ->
                events.deliveryReceipt(receiptedId(deliverSm, receipt), outcome, receipt.stat())),
            () -> log.warn("Ignored a delivery receipt without id or stat"));
  }

  /** The receipted_message_id TLV when the SMSC sends one: it is exact where the text may be cut. */
  private static String receiptedId(DeliverSm deliverSm, SmppReceiptText receipt) {
    OptionalParameter tlv =
        deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
    if (tlv instanceof OptionalParameter.Receipted_message_id id && !id.getValueAsString().isBlank()) {
      return id.getValueAsString();
    }
    return receipt.id();
  }

  private void mobileOriginated(DeliverSm deliverSm) {
    byte[] message = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
    boolean udh = deliverSm.isUdhi();
    String text = ShortMessageText.decode(deliverSm.getDataCoding(), message, udh);
    String from = SmppAddresses.toE164(deliverSm.getSourceAddr());
    String to = SmppAddresses.toE164(deliverSm.getDestAddress());
    Udh.Concatenation part = udh ? Udh.concatenation(message) : null;
    if (part == null) {
      events.inbound(from, to, text, clock.instant());
      return;
    }
    concatenated.add(from, to, part, text)
        .ifPresent(whole -> events.inbound(from, to, whole, clock.instant()));
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    // Alerts say a handset became reachable; the SMSC retries its own queue, nothing to do here.
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not supported", ESME_RINVCMDID);
  }
}
