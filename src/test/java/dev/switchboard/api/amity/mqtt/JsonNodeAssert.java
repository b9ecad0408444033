package dev.switchboard.api.amity.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.AbstractStringAssert;
import tools.jackson.databind.JsonNode;

/** A JSON value found by a dotted path ({@code a.0.b}) as text, to assert on. */
final class JsonNodeAssert {
  private JsonNodeAssert() {}

  static AbstractStringAssert<?> field(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = part.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(part)) : node.path(part);
    }
    assertThat(node.isMissingNode()).as("%s is present", path).isFalse();
    return assertThat(node.asString());
  }
}
