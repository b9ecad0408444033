package dev.switchboard.api.amity;

import dev.switchboard.message.FlaggerBloomFilter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Amity's {@code hashFlag}: the bloom filter of who flagged a message or user, from which the SDK
 * tells "flagged by me" without asking. Users cannot be flagged here: theirs is the filter of
 * nobody (never null, which breaks Amity's document).
 */
public record AmityHashFlagView(int bits, int hashes, List<String> hash) {
  public static final AmityHashFlagView NOBODY = of(List.of());

  public static AmityHashFlagView of(Collection<String> flaggerIds) {
    FlaggerBloomFilter filter = FlaggerBloomFilter.of(flaggerIds);
    return new AmityHashFlagView(
        filter.bits(),
        filter.hashes(),
        Arrays.stream(filter.buckets()).mapToObj(String::valueOf).toList());
  }
}
