package dev.switchboard.webhook;

import java.util.Arrays;
import java.util.Optional;

/** Whose shape a subscription's posts take; each face's dialect renders them. */
public enum WebhookFace {
  NATIVE("native"),
  AMITY("amity"),
  NETSAPIENS("netsapiens");

  private final String wireName;

  WebhookFace(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookFace> fromWire(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
  }
}
