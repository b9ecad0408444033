package dev.switchboard.api.netsapiens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NsUserDirectoryTest {
  @Test
  void dialByNameDigitsOfTheFirstThreeLetters() {
    assertThat(NsUserDirectory.dtmf("test")).isEqualTo(837);
    assertThat(NsUserDirectory.dtmf("O'Brien")).isEqualTo(627);
    assertThat(NsUserDirectory.dtmf("Wu")).isEqualTo(98);
    assertThat(NsUserDirectory.dtmf("1004")).isZero();
  }
}
