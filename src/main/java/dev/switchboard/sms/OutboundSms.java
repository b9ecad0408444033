package dev.switchboard.sms;

import java.util.Objects;

/**
 * One SMS to hand to a carrier.
 *
 * @param from the sending number, E.164
 * @param to the receiving number, E.164
 * @param text the body, any length: gateways split it into segments
 * @param reference our id for it (the outbox id), for carriers that echo it back
 */
public record OutboundSms(String from, String to, String text, String reference) {
  public OutboundSms {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reference, "reference");
  }
}
