package dev.switchboard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void idsAre24LowercaseHexAndUnique() {
    Ids ids = new Ids(Clock.systemUTC());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ids.next();
      assertThat(Ids.isId(id)).as(id).isTrue();
      assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
    }
  }

  @Test
  void idsSortByCreationSecond() {
    Clock early = Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC);
    Clock late = Clock.fixed(Instant.parse("2024-01-15T10:30:01Z"), ZoneOffset.UTC);
    String first = new Ids(early).next();
    String second = new Ids(late).next();
    assertThat(first).isLessThan(second);
    assertThat(first).startsWith(Long.toHexString(Instant.parse("2024-01-15T10:30:00Z").getEpochSecond()));
  }

  @Test
  void idsOfOneGeneratorWithinOneSecondFollowTheCounter() {
    Ids ids = new Ids(Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC));
    List<String> sequence = IntStream.range(0, 50).mapToObj(i -> ids.next()).toList();
    List<Long> counters = sequence.stream().map(id -> Long.parseLong(id.substring(18), 16)).toList();
    for (int i = 1; i < counters.size(); i++) {
      assertThat(counters.get(i)).isEqualTo((counters.get(i - 1) + 1) % 0x1000000);
    }
  }

  @Test
  void isIdRejectsAnythingElse() {
    assertThat(Ids.isId("64d15f9e2e6c8f4d5a123456")).isTrue();
    assertThat(Ids.isId("64D15F9E2E6C8F4D5A123456")).isFalse();
    assertThat(Ids.isId("64d15f9e2e6c8f4d5a12345")).isFalse();
    assertThat(Ids.isId(null)).isFalse();
  }
}
