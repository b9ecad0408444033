package dev.switchboard.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sms.DeliveryOutcome;
import org.junit.jupiter.api.Test;

class SmsReceiptTextTest {
  private static final String DELIVERED =
      "id:0123456789 sub:001 dlvrd:001 submit date:2511211030 done date:2511211031"
          + " stat:DELIVRD err:000 text:Hello";

  @Test
  void readsIdAndStat() {
    SmppReceiptText receipt = SmppReceiptText.parse(DELIVERED).orElseThrow();
    assertThat(receipt.id()).isEqualTo("0123456789");
    assertThat(receipt.outcome()).contains(DeliveryOutcome.DELIVERED);
  }

  @Test
  void mapsEveryFinalFailureToFailedAndIgnoresIntermediateStates() {
    for (String stat : new String[] {"UNDELIV", "REJECTD", "EXPIRED", "DELETED"}) {
      assertThat(SmppReceiptText.parse("id:a1 stat:" + stat).orElseThrow().outcome())
          .as(stat).contains(DeliveryOutcome.FAILED);
    }
    assertThat(SmppReceiptText.parse("id:a1 stat:ENROUTE").orElseThrow().outcome()).isEmpty();
    assertThat(SmppReceiptText.parse("id:a1 stat:ACCEPTD").orElseThrow().outcome()).isEmpty();
  }

  @Test
  void acceptsLowerCaseFieldsAndRefusesTextWithoutIdOrStat() {
    assertThat(SmppReceiptText.parse("ID:x9 Stat:delivrd").orElseThrow())
        .isEqualTo(new SmppReceiptText("x9", "DELIVRD"));
    assertThat(SmppReceiptText.parse("stat:DELIVRD")).isEmpty();
    assertThat(SmppReceiptText.parse("id:abc text:hi")).isEmpty();
    // "submit date" must not be mistaken for the id field
    assertThat(SmppReceiptText.parse("sub:001 id:real stat:DELIVRD").orElseThrow().id())
        .isEqualTo("real");
  }
}
