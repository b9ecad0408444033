package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The filter must answer exactly as bloomfilter.js does in Amity's SDKs. The expected numbers
 * were produced by running bloomfilter.js's algorithm (seeded FNV-1a, Int32Array buckets) in
 * Node.js on the same inputs.
 */
class FlaggerBloomFilterTest {
  @Test
  void hashesMatchBloomfilterJs() {
    assertThat(FlaggerBloomFilter.fnv1a("", 0)).isEqualTo(1493338014);
    assertThat(FlaggerBloomFilter.fnv1a("", 1576284489)).isEqualTo(-1554989545);
    assertThat(FlaggerBloomFilter.fnv1a("alice", 0)).isEqualTo(402883070);
    assertThat(FlaggerBloomFilter.fnv1a("alice", 1576284489)).isEqualTo(-1041477554);
    assertThat(FlaggerBloomFilter.fnv1a("user-42", 0)).isEqualTo(-1415120864);
    assertThat(FlaggerBloomFilter.fnv1a("Ünïcødé✓", 0)).isEqualTo(1944252742);
    assertThat(FlaggerBloomFilter.fnv1a("Ünïcødé✓", 1576284489)).isEqualTo(-2146016001);
  }

  @Test
  void bucketsMatchBloomfilterJsForTheSameAdds() {
    FlaggerBloomFilter built = FlaggerBloomFilter.withShape(96, 7, List.of("alice", "bob", "carol"));
    assertThat(built.buckets()).containsExactly(134754579, 1147412992, 33816720);
  }

  @Test
  void membershipComputedFromTheEmittedBitsAsAClientWould() {
    // What bloomfilter.js answers for its filter of alice, bob, carol (m = 96, k = 7).
    FlaggerBloomFilter fromWire = new FlaggerBloomFilter(96, 7, new int[] {134754579, 1147412992, 33816720});
    assertThat(List.of("alice", "bob", "carol")).allMatch(fromWire::mightContain);
    assertThat(List.of("dave", "eve", "mallory", "u-1", "u-2")).noneMatch(fromWire::mightContain);

    List<String> flaggers = IntStream.range(0, 40).mapToObj(i -> "flagger-" + i).toList();
    FlaggerBloomFilter emitted = FlaggerBloomFilter.of(flaggers);
    assertThat(emitted.bits() % 32).isZero();
    assertThat(emitted.buckets()).hasSize(emitted.bits() / 32);
    // A client only gets the strings of the buckets and the hash count.
    String[] wire = Arrays.stream(emitted.buckets()).mapToObj(String::valueOf).toArray(String[]::new);
    FlaggerBloomFilter client = new FlaggerBloomFilter(
        wire.length * 32, emitted.hashes(), Arrays.stream(wire).mapToInt(Integer::parseInt).toArray());
    assertThat(flaggers).allMatch(client::mightContain);
    long falsePositives = IntStream.range(0, 1000).mapToObj(i -> "other-" + i)
        .filter(client::mightContain).count();
    assertThat(falsePositives).isLessThan(50); // sized for 1 %
  }

  @Test
  void anEmptyFilterContainsNobody() {
    FlaggerBloomFilter empty = FlaggerBloomFilter.of(List.of());
    assertThat(empty.bits()).isEqualTo(256);
    assertThat(empty.buckets()).containsOnly(0);
    assertThat(empty.mightContain("alice")).isFalse();
  }

  @Test
  void aSingleFlaggerDoesNotMakeOthersLookFlagged() {
    FlaggerBloomFilter one = FlaggerBloomFilter.of(List.of("0123456789abcdef01234567"));
    assertThat(one.mightContain("0123456789abcdef01234567")).isTrue();
    long falsePositives = IntStream.range(0, 1000).mapToObj(i -> "never-flagged-" + i)
        .filter(one::mightContain).count();
    assertThat(falsePositives).isLessThan(10);
  }
}
