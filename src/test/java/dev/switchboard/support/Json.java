package dev.switchboard.support;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds request bodies and parses responses in tests. */
public final class Json {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static String of(Map<String, ?> body) {
    return MAPPER.writeValueAsString(body);
  }

  public static String of(Object... keysAndValues) {
    var map = new java.util.LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(map);
  }

  public static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }
}
