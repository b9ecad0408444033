package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierOutcomeUnknown;
import dev.switchboard.sms.CarrierSubmission;
import dev.switchboard.sms.OutboundSms;
import dev.switchboard.sms.PermanentCarrierFailure;
import dev.switchboard.sms.SmsMetrics;
import dev.switchboard.sms.TransientCarrierFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;

/**
 * Submits one SMS, segment after segment, on one bind, and says what came of it — the part of
 * the at-most-once promise that depends on SMPP:
 *
 * <ul>
 *   <li>an answer with an error status means the SMSC did not take that segment: transient
 *       (throttled, queue full, system error) or permanent;
 *   <li>a segment that could not be written (session gone, socket error) did not reach the SMSC;
 *   <li>a segment written without an answer (timeout, connection lost, garbled answer) may have
 *       gone out: {@link CarrierOutcomeUnknown}, never retried;
 *   <li>once a segment was taken, any later failure is final: retrying would send it twice.
 * </ul>
 */
final class SmppSubmitter {
  /** Command statuses worth retrying: system error, queue full, throttled, temporary app error. */
  private static final List<Integer> TRANSIENT_STATUSES = List.of(0x08, 0x14, 0x58, 0x64);

  private final SmppSettings settings;
  private final SmsMetrics metrics;

  SmppSubmitter(SmppSettings settings, SmsMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  CarrierSubmission submit(SmppBind bind, OutboundSms sms) {
    SmsSegments segments = SmsSegments.of(sms.text());
    int reference = Udh.referenceOf(sms.reference());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < segments.parts().size(); i++) {
      SMPPSession session = bind.session();
      if (session == null) {
        throw failure(ids, segments, "SMPP bind " + bind.name + " dropped", true, null);
      }
      long started = System.nanoTime();
      String outcome = "accepted";
      try {
        ids.add(submitSegment(session, sms, segments, i, reference));
      } catch (NegativeResponseException e) {
        outcome = "refused";
        String reason = String.format("SMSC refused segment %d: status 0x%02X", i + 1,
            e.getCommandStatus());
        throw failure(ids, segments, reason, TRANSIENT_STATUSES.contains(e.getCommandStatus()), e);
      } catch (ResponseTimeoutException | InvalidResponseException e) {
        outcome = "unknown";
        throw new CarrierOutcomeUnknown("no valid answer to segment " + (i + 1) + " of "
            + segments.parts().size() + " on " + bind.name + ": " + e.getMessage(), ids, e);
      } catch (IOException e) {
        outcome = "not_sent";
        throw failure(ids, segments, "SMPP submit not written: " + e.getMessage(), true, e);
      } catch (PDUException e) {
        outcome = "not_sent";
        throw failure(ids, segments, "SMS cannot be encoded: " + e.getMessage(), false, e);
      } finally {
        metrics.submit(bind.name, outcome, Duration.ofNanos(System.nanoTime() - started));
      }
    }
    return new CarrierSubmission(ids, segments.parts().size());
  }

  private String submitSegment(
      SMPPSession session, OutboundSms sms, SmsSegments segments, int index, int reference)
      throws PDUException, ResponseTimeoutException, InvalidResponseException,
          NegativeResponseException, IOException {
    ESMClass esm =
        segments.concatenated()
            ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
            : new ESMClass();
    return session
        .submitShortMessage(
            "",
            TypeOfNumber.valueOf(settings.sourceTon()),
            NumberingPlanIndicator.valueOf(settings.sourceNpi()),
            SmppAddresses.toWire(sms.from()),
            TypeOfNumber.valueOf(settings.destTon()),
            NumberingPlanIndicator.valueOf(settings.destNpi()),
            SmppAddresses.toWire(sms.to()),
            esm,
            (byte) 0,
            (byte) 1,
            null,
            null,
            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
            (byte) 0,
            DataCodings.newInstance(segments.coding().dataCoding),
            (byte) 0,
            segments.payload(index, reference))
        .getMessageId();
  }

  /**
   * Once any segment was accepted, retrying would send those segments twice: a later failure
   * of the same SMS is then permanent, whatever its cause, and names the segments taken.
   */
  private static RuntimeException failure(
      List<String> acceptedIds, SmsSegments segments, String reason, boolean transientCause,
      Exception cause) {
    if (!acceptedIds.isEmpty()) {
      return new PermanentCarrierFailure(
          reason + " after " + acceptedIds.size() + " of " + segments.parts().size()
              + " segments were accepted; not retried to avoid duplicates", acceptedIds, cause);
    }
    return transientCause
        ? new TransientCarrierFailure(reason, cause)
        : new PermanentCarrierFailure(reason, cause);
  }
}
