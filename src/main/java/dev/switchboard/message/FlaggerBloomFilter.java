package dev.switchboard.message;

import java.util.Collection;

/**
 * A Bloom filter of the users who flagged a message, in the layout of jasondavies/bloomfilter.js
 * that Amity's SDKs port: {@code m} bits in 32-bit buckets ({@code m} a multiple of 32), {@code
 * k} locations per value from two seeded FNV-1a hashes (double hashing), bit {@code l % 32} of
 * bucket {@code l / 32}. A client rebuilds the filter from {@code (buckets, k)} and tests its own
 * user id to learn "flagged by me" without a request. Sized for a 1% false-positive rate.
 */
public final class FlaggerBloomFilter {
  private static final int SECOND_SEED = 1576284489;
  private static final int MAX_HASHES = 16;
  private static final int MIN_WORDS = 8;

  private final int bits;
  private final int hashes;
  private final int[] buckets;

  public FlaggerBloomFilter(int bits, int hashes, int[] buckets) {
    this.bits = bits;
    this.hashes = hashes;
    this.buckets = buckets.clone();
  }

  /** A filter sized for {@code userIds} with every one of them added. */
  public static FlaggerBloomFilter of(Collection<String> userIds) {
    int n = Math.max(1, userIds.size());
    double ln2 = Math.log(2);
    int m = (int) Math.ceil(-n * Math.log(0.01) / (ln2 * ln2));
    // At least 256 bits: with bloomfilter.js's double hashing a tiny filter (32 bits for one
    // flagger) folds many values' locations onto a few bits, and a quarter of non-flaggers
    // tested positive. The size travels in the answer, so clients follow it.
    int words = Math.max(MIN_WORDS, (m + 31) / 32);
    int k = (int) Math.max(1, Math.min(MAX_HASHES, Math.round((double) words * 32 / n * ln2)));
    return withShape(words * 32, k, userIds);
  }

  /** A filter of {@code bits} (a multiple of 32) and {@code hashes} with the values added. */
  public static FlaggerBloomFilter withShape(int bits, int hashes, Collection<String> values) {
    FlaggerBloomFilter filter = new FlaggerBloomFilter(bits, hashes, new int[bits / 32]);
    values.forEach(filter::add);
    return filter;
  }

  public int bits() {
    return bits;
  }

  public int hashes() {
    return hashes;
  }

  /** The buckets as signed 32-bit integers, as bloomfilter.js's Int32Array holds them. */
  public int[] buckets() {
    return buckets.clone();
  }

  public boolean mightContain(String value) {
    for (long location : locations(value)) {
      if ((buckets[(int) (location / 32)] & (1 << (int) (location % 32))) == 0) {
        return false;
      }
    }
    return true;
  }

  private void add(String value) {
    for (long location : locations(value)) {
      buckets[(int) (location / 32)] |= 1 << (int) (location % 32);
    }
  }

  /** bloomfilter.js {@code locations}: JavaScript's signed {@code %} is Java's. */
  private long[] locations(String value) {
    long a = fnv1a(value, 0);
    long b = fnv1a(value, SECOND_SEED);
    long x = a % bits;
    long[] r = new long[hashes];
    for (int i = 0; i < hashes; i++) {
      r[i] = x < 0 ? x + bits : x;
      x = (x + b) % bits;
    }
    return r;
  }

  /** FNV-1a over UTF-16 code units (high byte first when non-zero), with bloomfilter.js's mix. */
  static int fnv1a(String value, int seed) {
    int a = 0x811c9dc5 ^ seed;
    for (int i = 0; i < value.length(); i++) {
      int c = value.charAt(i);
      int d = c & 0xff00;
      if (d != 0) {
        a = a ^ (d >> 8);
        a *= 16777619;
      }
      a = a ^ (c & 0xff);
      a *= 16777619;
    }
    a += a << 13;
    a ^= a >>> 7;
    a += a << 3;
    a ^= a >>> 17;
    a += a << 5;
    return a;
  }
}
