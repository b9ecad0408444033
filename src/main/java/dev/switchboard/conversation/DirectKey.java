package dev.switchboard.conversation;

/** The key that makes a direct conversation unique per pair of users: "a|b", sorted. */
public final class DirectKey {
  private DirectKey() {}

  public static String of(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
