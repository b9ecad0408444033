package dev.switchboard.api.carrier;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import dev.switchboard.sms.CarrierCallbackSecret;
import dev.switchboard.sms.DeliveryOutcome;
import dev.switchboard.sms.ReceiptResult;
import dev.switchboard.sms.SmsInbound;
import dev.switchboard.sms.SmsOutbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an HTTP carrier calls us back: delivery status of an SMS we sent, and SMS its
 * subscribers sent to our numbers. Authenticated by {@code Authorization: Bearer <callback
 * secret>} ({@code switchboard.sms.http.callback-secret}); errors in the native envelope.
 */
@RestController
@RequestMapping("/carrier/v1/sms")
@Tag(name = "Carrier callbacks", description = "Status and inbound SMS from an HTTP carrier")
class CarrierCallbackController {
  private static final String BEARER = "Bearer ";
  private static final Pattern STATUS = Pattern.compile("(?i)delivered|failed");

  /** {@code status}: "delivered" or "failed"; {@code error}: the carrier's reason, if any. */
  record StatusCallback(String id, String status, String error) {}

  record InboundCallback(String from, String to, String text) {}

  private final CarrierCallbackSecret secret;
  private final SmsOutbox outbox;
  private final SmsInbound inbound;
  private final Clock clock;

  CarrierCallbackController(
      CarrierCallbackSecret secret, SmsOutbox outbox, SmsInbound inbound, Clock clock) {
    this.secret = secret;
    this.outbox = outbox;
    this.inbound = inbound;
    this.clock = clock;
  }

  /**
   * 204 when the receipt settled its segment (or repeated one already settled); 202 when no SMS
   * has that id yet: the carrier answered before our own record of the submit committed, so the
   * receipt is kept and applied once it does (dropped unmatched after
   * {@code switchboard.sms.outbox.unmatched-receipt-ttl}).
   */
  @PostMapping("/status")
  @Operation(summary = "Delivery status of an SMS the carrier took")
  @ApiResponse(responseCode = "204", description = "Applied, or a repeat of one applied")
  @ApiResponse(responseCode = "202", description = "No SMS has this id yet: kept until one does")
  ResponseEntity<Void> status(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody StatusCallback body) {
    authenticate(authorization);
    new Violations()
        .notBlank("id", body.id())
        .notBlank("status", body.status())
        .matches("status", body.status(), STATUS, "must be delivered or failed")
        .throwIfAny();
    DeliveryOutcome outcome =
        DeliveryOutcome.valueOf(body.status().toUpperCase(Locale.ROOT));
    String detail = body.error() == null ? body.status() : body.error();
    if (outbox.receipt(body.id(), outcome, detail) == ReceiptResult.KEPT) {
      return ResponseEntity.accepted().build();
    }
    return ResponseEntity.noContent().build();
  }

  /** Acknowledged even when no domain owns the receiving number (it is logged and dropped). */
  @PostMapping("/inbound")
  @Operation(summary = "An SMS the carrier received for one of our numbers")
  @ApiResponse(responseCode = "204", description = "Taken (dropped and logged when no domain owns the number)")
  ResponseEntity<Void> inbound(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody InboundCallback body) {
    authenticate(authorization);
    new Violations()
        .notBlank("from", body.from())
        .notBlank("to", body.to())
        .check(body.text() != null, "text is required")
        .throwIfAny();
    inbound.receive(body.from(), body.to(), body.text(), clock.instant());
    return ResponseEntity.noContent().build();
  }

  private void authenticate(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || !secret.matches(authorization.substring(BEARER.length()).trim())) {
      throw DomainException.unauthenticated("Carrier callback secret required");
    }
  }
}
