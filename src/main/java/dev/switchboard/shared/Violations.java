package dev.switchboard.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem with a command before failing, so a client learns about all offending
 * fields in one round trip ("content must not be blank", "amount must be a positive integer").
 * A problem may name a {@link Term} ({@code "{TEXT} must not be blank"}), which each dialect
 * spells with its own field name.
 */
public final class Violations {
  private final List<String> problems = new ArrayList<>();

  public Violations check(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
    return this;
  }

  public Violations notBlank(Term field, String value) {
    return notBlank(field.toString(), value);
  }

  public Violations maxLength(Term field, String value, int max) {
    return maxLength(field.toString(), value, max);
  }

  public Violations notBlank(String field, String value) {
    return check(value != null && !value.isBlank(), field + " must not be blank");
  }

  public Violations maxLength(String field, String value, int max) {
    return check(
        value == null || value.length() <= max,
        field + " must be at most " + max + " characters");
  }

  public Violations matches(String field, String value, Pattern pattern, String rule) {
    return check(value == null || pattern.matcher(value).matches(), field + " " + rule);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new DomainException(ErrorCode.INVALID_ARGUMENT, "Validation failed", problems);
    }
  }
}
