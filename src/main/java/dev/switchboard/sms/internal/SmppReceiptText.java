package dev.switchboard.sms.internal;

import dev.switchboard.sms.DeliveryOutcome;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The de-facto delivery receipt text of SMPP 3.4 (Appendix B):
 * {@code id:IIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD
 * err:E text: ...}. Only {@code id} and {@code stat} matter here; fields may come in any case.
 *
 * @param id the carrier message id the receipt is about
 * @param stat the final state as sent (DELIVRD, UNDELIV, REJECTD, EXPIRED, DELETED, ...)
 */
record SmppReceiptText(String id, String stat) {
  private static final Pattern ID = Pattern.compile("(?i)\\bid:(\\S+)");
  private static final Pattern STAT = Pattern.compile("(?i)\\bstat:(\\w+)");

  static Optional<SmppReceiptText> parse(String text) {
    Matcher id = ID.matcher(text);
    Matcher stat = STAT.matcher(text);
    if (!id.find() || !stat.find()) {
      return Optional.empty();
    }
    return Optional.of(new SmppReceiptText(id.group(1), stat.group(1).toUpperCase(Locale.ROOT)));
  }

  /** The final outcome, or empty for intermediate states (ENROUTE, ACCEPTD, UNKNOWN). */
  Optional<DeliveryOutcome> outcome() {
    return switch (stat) {
      case "DELIVRD" -> Optional.of(DeliveryOutcome.DELIVERED);
      case "UNDELIV", "REJECTD", "EXPIRED", "DELETED" -> Optional.of(DeliveryOutcome.FAILED);
      default -> Optional.empty();
    };
  }
}
