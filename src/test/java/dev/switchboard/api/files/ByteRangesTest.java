package dev.switchboard.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.ByteRange;
import org.junit.jupiter.api.Test;

class ByteRangesTest {
  private static ByteRanges.Decision decide(String header) {
    return ByteRanges.decide(header, 1000);
  }

  @Test
  void servesOneClosedOpenOrSuffixRangeClampedToTheSize() {
    assertThat(decide("bytes=0-99").range()).isEqualTo(new ByteRange(0, 99));
    assertThat(decide("bytes=990-").range()).isEqualTo(new ByteRange(990, 999));
    assertThat(decide("bytes=900-5000").range()).isEqualTo(new ByteRange(900, 999));
    assertThat(decide("bytes=-10").range()).isEqualTo(new ByteRange(990, 999));
    assertThat(decide("bytes=-5000").range()).isEqualTo(new ByteRange(0, 999));
  }

  @Test
  void refusesRangesThatStartPastTheEnd() {
    assertThat(decide("bytes=1000-").satisfiable()).isFalse();
    assertThat(decide("bytes=-0").satisfiable()).isFalse();
    assertThat(ByteRanges.decide("bytes=0-", 0).satisfiable()).isFalse();
  }

  @Test
  void ignoresWhatItDoesNotServePartially() {
    for (String header : new String[] {null, "items=0-1", "bytes=0-1,4-5", "bytes=5-1", "bytes=a-b",
        "bytes=-", "bytes=99999999999999999999-"}) {
      assertThat(decide(header)).as(header).isEqualTo(ByteRanges.Decision.WHOLE);
    }
  }
}
