package dev.switchboard.sms;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Routes inbound (mobile-originated) SMS to the domain and user owning the receiving number. */
@Service
public class SmsInbound {
  private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

  private final SmsNumbers numbers;
  private final ApplicationEventPublisher events;

  public SmsInbound(SmsNumbers numbers, ApplicationEventPublisher events) {
    this.numbers = numbers;
    this.events = events;
  }

  /**
   * Publishes {@link InboundSmsReceived} for the receiving number's owner. An SMS to a number no
   * domain owns has nobody to go to: it is logged and dropped (the carrier still gets its
   * acknowledgement, so it does not redeliver it forever).
   *
   * @return whether a domain owns the receiving number
   */
  @Transactional
  public boolean receive(String from, String to, String text, Instant receivedAt) {
    return numbers
        .route(to)
        .map(
            owner -> {
              events.publishEvent(
                  new InboundSmsReceived(
                      owner.tenantId(), owner.userId(), from, to, text, receivedAt));
              return true;
            })
        .orElseGet(
            () -> {
              log.warn("Dropped an inbound SMS to {}: no domain owns that number", to);
              return false;
            });
  }
}
