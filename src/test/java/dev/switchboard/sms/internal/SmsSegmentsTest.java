package dev.switchboard.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {
  @Test
  void gsmTextFitsOneSegmentUpTo160SeptetsAndSplitsAt153() {
    assertThat(SmsSegments.of("a".repeat(160)).parts()).hasSize(1);
    SmsSegments two = SmsSegments.of("a".repeat(161));
    assertThat(two.coding()).isEqualTo(SmsCoding.GSM7);
    assertThat(two.parts()).extracting(String::length).containsExactly(153, 8);
    assertThat(SmsSegments.of("a".repeat(306)).parts()).extracting(String::length)
        .containsExactly(153, 153);
    assertThat(SmsSegments.of("a".repeat(307)).parts()).extracting(String::length)
        .containsExactly(153, 153, 1);
  }

  @Test
  void extensionCharactersCountDoubleAndAreNeverCutInTwo() {
    assertThat(SmsSegments.of("€".repeat(80)).parts()).hasSize(1);
    SmsSegments split = SmsSegments.of("{".repeat(81));
    assertThat(split.coding()).isEqualTo(SmsCoding.GSM7);
    // 153 septets hold 76 double-septet characters; the 77th would be cut, so it moves on.
    assertThat(split.parts()).extracting(String::length).containsExactly(76, 5);
    assertThat(SmsSegments.of("a".repeat(159) + "€").parts()).hasSize(2);
  }

  @Test
  void aCharacterOutsideGsmSwitchesToUcs2With70And67() {
    assertThat(SmsSegments.of("ş" + "a".repeat(69)).coding()).isEqualTo(SmsCoding.UCS2);
    assertThat(SmsSegments.of("ş".repeat(70)).parts()).hasSize(1);
    assertThat(SmsSegments.of("ş".repeat(71)).parts()).extracting(String::length)
        .containsExactly(67, 4);
    assertThat(SmsSegments.of("ş".repeat(134)).parts()).extracting(String::length)
        .containsExactly(67, 67);
  }

  @Test
  void surrogatePairsStayInOneSegment() {
    String text = "a".repeat(66) + "😀" + "bbb";
    SmsSegments split = SmsSegments.of(text);
    assertThat(split.parts()).containsExactly("a".repeat(66), "😀bbb");
  }

  @Test
  void payloadsCarryTheConcatenationHeaderAndEncodedText() {
    SmsSegments split = SmsSegments.of("@".repeat(155) + "Zzzzzz");
    byte[] first = split.payload(0, 0xAB);
    assertThat(first).startsWith(0x05, 0x00, 0x03, 0xAB, 0x02, 0x01);
    assertThat(first).hasSize(6 + 153);
    assertThat(first[6]).isEqualTo((byte) 0x00);
    assertThat(split.payload(1, 0xAB))
        .containsExactly(0x05, 0x00, 0x03, 0xAB, 0x02, 0x02, 0x00, 0x00, 'Z', 'z', 'z', 'z', 'z', 'z');
    assertThat(SmsSegments.of("ok").payload(0, 1)).containsExactly('o', 'k');
    assertThat(SmsSegments.of("ş").payload(0, 1)).containsExactly(0x01, 0x5F);
  }

  @Test
  void gsmEncodingUsesTheDefaultAlphabetAndEscapesExtensions() {
    assertThat(GsmAlphabet.encode("@£€{")).containsExactly(0x00, 0x01, 0x1B, 0x65, 0x1B, 0x28);
    String all = "Hello {world} [€100] ~ | ^ \\ ÄÖÑÜ§ äöñüà";
    assertThat(GsmAlphabet.decode(GsmAlphabet.encode(all), 0)).isEqualTo(all);
    assertThat(GsmAlphabet.canEncode("naïve")).isFalse();
  }

  @Test
  void udhIsReadBackIncludingTheSixteenBitForm() {
    assertThat(Udh.concatenation(Udh.concatenation(7, 3, 2)))
        .isEqualTo(new Udh.Concatenation(7, 3, 2));
    byte[] sixteenBit = {0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01, 'x'};
    assertThat(Udh.concatenation(sixteenBit)).isEqualTo(new Udh.Concatenation(0x1234, 2, 1));
    assertThat(ShortMessageText.decode((byte) 0, sixteenBit, true)).isEqualTo("x");
    byte[] ucs2 = "ğ".getBytes(StandardCharsets.UTF_16BE);
    assertThat(ShortMessageText.decode((byte) 8, ucs2, false)).isEqualTo("ğ");
  }
}
