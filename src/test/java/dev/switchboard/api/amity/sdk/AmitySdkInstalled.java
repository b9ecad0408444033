package dev.switchboard.api.amity.sdk;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether the Amity SDK's npm packages are installed ({@code npm ci} in {@link #DIR}, from its
 * committed lockfile). {@code .ci/run} installs them, so under {@code CI=true} the suite always
 * runs and fails loudly without them; elsewhere it is skipped with the command to run.
 */
final class AmitySdkInstalled implements ExecutionCondition {
  static final Path DIR = Path.of("src", "test", "node", "amity-sdk");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isDirectory(DIR.resolve("node_modules/@amityco/ts-sdk"))) {
      return ConditionEvaluationResult.enabled("@amityco/ts-sdk is installed");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without the Amity SDK");
    }
    return ConditionEvaluationResult.disabled(
        "The Amity SDK is not installed: (cd " + DIR + " && npm ci) — .ci/run does it");
  }
}
