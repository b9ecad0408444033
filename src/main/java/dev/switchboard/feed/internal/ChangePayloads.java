package dev.switchboard.feed.internal;

import dev.switchboard.feed.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change's data as the JSON payload the log stores: plain values as Jackson writes them, and
 * each {@link JsonText} as the JSON it holds — parsed, so text that is not JSON fails the change's
 * transaction instead of corrupting every reader of the log.
 */
public final class ChangePayloads {
  private ChangePayloads() {}

  public static String write(JsonMapper json, Map<String, Object> data) {
    return json.writeValueAsString(tree(json, data));
  }

  private static Object tree(JsonMapper json, Object value) {
    return switch (value) {
      case JsonText text -> json.readTree(text.json());
      case Map<?, ?> map -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, tree(json, v)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(tree(json, v)));
        yield copy;
      }
      case null, default -> value;
    };
  }
}
