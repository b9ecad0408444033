package dev.switchboard.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module records about a change it made: the event's name, the user a membership change
 * is about ({@code subjectId}, else null), and the event's data as plain values (maps, lists,
 * strings, numbers, booleans, nulls, and {@link JsonText} for JSON a client gave) that the log
 * stores as JSON. The module that owns the changed thing describes its event: messages in {@code
 * message}, members in {@code conversation}, delivery statuses in {@code session}.
 */
public record ChangeEvent(String name, String subjectId, Map<String, Object> data) {
  public ChangeEvent {
    Objects.requireNonNull(name, "name");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** An event about no member in particular. */
  public static ChangeEvent of(String name, Map<String, Object> data) {
    return new ChangeEvent(name, null, data);
  }
}
