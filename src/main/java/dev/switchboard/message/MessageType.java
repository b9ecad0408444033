package dev.switchboard.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum MessageType {
  TEXT,
  IMAGE,
  VIDEO,
  AUDIO,
  FILE,
  /** Written by the wallet module when credits move between users; never posted directly. */
  CREDIT_TRANSFER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MessageType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
