package dev.switchboard.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The switch of a test suite that needs a real external service. {@code .ci/run} passes the
 * service's address as a system property. Without it, a developer's plain {@code ./mvnw verify}
 * skips the suite and says why; in CI ({@code CI=true}) the suite runs regardless and fails
 * loudly, so a missing service can never pass silently.
 */
abstract class ExternalService implements ExecutionCondition {
  private final String property;
  private final String what;

  ExternalService(String property, String what) {
    this.property = property;
    this.what = what;
  }

  String address() {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      throw new IllegalStateException(what + " tests need -D" + property + " (.ci/run sets it)");
    }
    return value;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!System.getProperty(property, "").isBlank()) {
      return ConditionEvaluationResult.enabled(what + " configured");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without " + what);
    }
    return ConditionEvaluationResult.disabled(
        "No -D" + property + ": " + what + " suite off (.ci/run switches it on)");
  }
}
