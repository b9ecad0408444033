package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares a real response with a golden document by structure: the same keys at every level,
 * the same JSON type for every value, null where the golden has null. Values themselves may
 * differ (ids, timestamps); arrays are compared element-wise against the golden's first element.
 */
public final class WireShape {
  private WireShape() {}

  public static void assertMatches(String goldenResource, String actualJson) {
    JsonNode golden = load(goldenResource);
    List<String> problems = new ArrayList<>();
    compare("$", golden, Json.parse(actualJson), problems);
    assertThat(problems).as("shape of %s vs %s", actualJson, goldenResource).isEmpty();
  }

  private static void compare(String path, JsonNode golden, JsonNode actual, List<String> out) {
    if (golden.isNull() || actual.isNull()) {
      if (golden.isNull() != actual.isNull()) {
        out.add(path + ": expected " + golden.getNodeType() + " but was " + actual.getNodeType());
      }
      return;
    }
    if (golden.getNodeType() != actual.getNodeType()) {
      out.add(path + ": expected " + golden.getNodeType() + " but was " + actual.getNodeType());
      return;
    }
    if (golden.isObject()) {
      Set<String> expected = names(golden.propertyNames().iterator());
      Set<String> seen = names(actual.propertyNames().iterator());
      if (!expected.equals(seen)) {
        out.add(path + ": keys " + seen + " but expected " + expected);
        return;
      }
      for (String key : expected) {
        compare(path + "." + key, golden.get(key), actual.get(key), out);
      }
    } else if (golden.isArray() && !golden.isEmpty()) {
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", golden.get(0), actual.get(i), out);
      }
    }
  }

  private static Set<String> names(Iterator<String> it) {
    Set<String> names = new TreeSet<>();
    it.forEachRemaining(names::add);
    return names;
  }

  private static JsonNode load(String resource) {
    try (InputStream in = WireShape.class.getResourceAsStream("/wire/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file /wire/" + resource);
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
