package dev.switchboard.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * 24-hex identifiers in the layout of a MongoDB ObjectId: 4 bytes of epoch seconds, 5 random
 * bytes chosen once per process, and a 3-byte counter. They sort by creation time, are unique
 * across nodes without coordination, and look like the ids Allmine clients already handle.
 */
public final class Ids {
  private static final Pattern HEX24 = Pattern.compile("[0-9a-f]{24}");
  private static final HexFormat HEX = HexFormat.of();

  private final Clock clock;
  private final byte[] processUnique = new byte[5];
  private final AtomicInteger counter;

  public Ids(Clock clock) {
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    random.nextBytes(processUnique);
    counter = new AtomicInteger(random.nextInt());
  }

  public String next() {
    long seconds = clock.millis() / 1000;
    int count = counter.getAndIncrement();
    byte[] bytes = new byte[12];
    bytes[0] = (byte) (seconds >>> 24);
    bytes[1] = (byte) (seconds >>> 16);
    bytes[2] = (byte) (seconds >>> 8);
    bytes[3] = (byte) seconds;
    System.arraycopy(processUnique, 0, bytes, 4, 5);
    bytes[9] = (byte) (count >>> 16);
    bytes[10] = (byte) (count >>> 8);
    bytes[11] = (byte) count;
    return HEX.formatHex(bytes);
  }

  public static boolean isId(String candidate) {
    return candidate != null && HEX24.matcher(candidate).matches();
  }
}
