package dev.switchboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven by Debian's {@code chromedriver} through Selenium: never a
 * downloaded browser (both paths are given, so Selenium Manager has nothing to fetch). The flags
 * keep a headless root run off the network. As a JUnit condition: {@code .ci/run} installs
 * both packages, so under {@code CI=true} the tests always run; elsewhere they are skipped
 * with the reason when the packages are missing.
 */
public final class Chromium implements ExecutionCondition {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** Where screenshots go: a build artifact, never committed. */
  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: must fail without chromium");
    }
    return ConditionEvaluationResult.disabled(
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
  }

  /** A fresh headless browser with its own empty profile, at the given window size. */
  public static ChromeDriver start(int width, int height) {
    try {
      Path profile = Files.createTempDirectory("switchboard-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments(
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
