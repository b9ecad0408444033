package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * Credit amounts must be JSON integers: {@code 25}, never {@code 25.5}, {@code "25"} or {@code
 * 25.0}. Bound as a raw node because default coercion would silently truncate or convert.
 */
public final class JsonAmounts {
  private JsonAmounts() {}

  public static long positiveInteger(JsonNode node, String field) {
    if (node == null
        || !node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.longValue() <= 0) {
      throw DomainException.invalid(field + " must be a positive integer");
    }
    return node.longValue();
  }

  /** An integer other than zero, either sign (an operator's adjustment). */
  public static long nonZeroInteger(JsonNode node, String field) {
    if (node == null
        || !node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.longValue() == 0) {
      throw DomainException.invalid(field + " must be a non-zero integer");
    }
    return node.longValue();
  }
}
