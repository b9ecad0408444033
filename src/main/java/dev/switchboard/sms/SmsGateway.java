package dev.switchboard.sms;

/**
 * Port to an SMS carrier. Implementations report what came of a submit only through the result
 * or one of the two failure types, so the outbox knows whether trying again is safe and useful.
 */
public interface SmsGateway {
  /**
   * Hands one SMS to the carrier.
   *
   * @throws TransientCarrierFailure the carrier did not take it but may later (down, throttled)
   * @throws PermanentCarrierFailure the carrier refused it for good (invalid number, rejected)
   */
  CarrierSubmission submit(OutboundSms sms);
}
