package dev.switchboard.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The switch of tests that need {@code ffmpeg}: {@code .ci/run} installs it, so in CI
 * ({@code CI=true}) they always run and fail loudly without it; a developer without ffmpeg sees
 * them skipped, with the reason.
 */
public final class FfmpegOnPath implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (installed()) {
      return ConditionEvaluationResult.enabled("ffmpeg is on the PATH");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without ffmpeg");
    }
    return ConditionEvaluationResult.disabled("ffmpeg is not on the PATH (.ci/run installs it)");
  }

  private static boolean installed() {
    try {
      Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-version")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectErrorStream(true)
          .start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
