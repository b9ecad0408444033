package dev.switchboard.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The shared test servers run every test from one address and some tests as one busy user: the
 * rate limits stay on (so every request still passes through them) but far above what a test
 * sends. The login throttle per (user, address) keeps its defaults; {@code X-Forwarded-For} is
 * honoured from loopback, so a test can speak from several client addresses.
 */
public final class RelaxedLimits {
  public static final String HIGH = "1000000/1s";

  private RelaxedLimits() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("server.forward-headers-strategy", () -> "native");
    registry.add("switchboard.login.per-address", () -> HIGH);
    for (String group : new String[] {"sessions", "tokens", "uploads", "admin", "default"}) {
      registry.add("switchboard.rate-limits.groups." + group + ".per-user", () -> HIGH);
      registry.add("switchboard.rate-limits.groups." + group + ".per-client", () -> HIGH);
    }
  }
}
