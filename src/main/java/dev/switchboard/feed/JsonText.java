package dev.switchboard.feed;

import java.util.Objects;

/**
 * JSON a client gave (a message's structured data or metadata: object text the dialect parsed
 * and the core keeps as text), carried in a change's data as JSON: the log writes it into the
 * payload as the object it is, not as a string.
 */
public record JsonText(String json) {
  public JsonText {
    Objects.requireNonNull(json, "json");
  }
}
