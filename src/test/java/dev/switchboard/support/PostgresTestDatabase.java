package dev.switchboard.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL suite's switch. {@code .ci/run} creates a fresh database and passes its JDBC URL
 * as {@code -Dswitchboard.test.postgres-url}. Without it, a developer's plain {@code ./mvnw
 * verify} skips the PostgreSQL tests and says why; in CI ({@code CI=true}) they run regardless
 * and fail loudly, so a missing database can never pass silently.
 */
public final class PostgresTestDatabase implements ExecutionCondition {
  public static final String URL_PROPERTY = "switchboard.test.postgres-url";
  public static final String USER_PROPERTY = "switchboard.test.postgres-user";

  public static String url() {
    String url = System.getProperty(URL_PROPERTY, "");
    if (url.isBlank()) {
      throw new IllegalStateException(
          "PostgreSQL tests need -D" + URL_PROPERTY + "=jdbc:postgresql://… (.ci/run sets it)");
    }
    return url;
  }

  public static String user() {
    return System.getProperty(USER_PROPERTY, "postgres");
  }

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!System.getProperty(URL_PROPERTY, "").isBlank()) {
      return ConditionEvaluationResult.enabled("PostgreSQL database configured");
    }
    if (inCi()) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without PostgreSQL");
    }
    return ConditionEvaluationResult.disabled(
        "No -D" + URL_PROPERTY + ": PostgreSQL suite off (.ci/run switches it on)");
  }
}
