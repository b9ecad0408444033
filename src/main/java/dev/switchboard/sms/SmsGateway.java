package dev.switchboard.sms;

import java.util.List;

/**
 * Port to an SMS carrier. Implementations report what came of a submit only through the result
 * or one of three failure types, so the outbox knows whether trying again is safe and useful.
 * Several submits may run at once, up to {@link #maxInFlight()}.
 */
public interface SmsGateway {
  /**
   * Hands one SMS to the carrier.
   *
   * @throws TransientCarrierFailure the carrier did not take it but may later (down, throttled)
   * @throws PermanentCarrierFailure the carrier refused it for good (invalid number, rejected)
   * @throws CarrierOutcomeUnknown the SMS was written but no answer came: it may have gone out
   */
  CarrierSubmission submit(OutboundSms sms);

  /** The most submits that may be in flight at once (the worker's sender threads). */
  int maxInFlight();

  /** Whether it can take a submit now: false while no connection can (SMPP: none bound). */
  boolean available();

  /** Each connection to the carrier, for health and metrics. */
  List<CarrierConnection> connections();
}
