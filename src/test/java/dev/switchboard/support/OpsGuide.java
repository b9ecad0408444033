package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the procedures of docs/operations.md: the shell block fenced as {@code ```sh ops:<name>},
 * verbatim, with the guide's variables set for a test server. A procedure that stops working
 * fails the build.
 */
public final class OpsGuide {
  private static final Path GUIDE = Path.of("docs/operations.md");

  private OpsGuide() {}

  /** What a block printed and how it ended. */
  public record Result(int exitCode, String output) {}

  /** Runs the block; returns its output, after checking it succeeded. */
  public static String run(String name, Path workDir, Map<String, String> variables)
      throws IOException, InterruptedException {
    Result result = attempt(name, workDir, variables);
    assertThat(result.exitCode()).as("ops:%s output:\n%s", name, result.output()).isZero();
    return result.output();
  }

  /** Runs the block, whatever its outcome. */
  public static Result attempt(String name, Path workDir, Map<String, String> variables)
      throws IOException, InterruptedException {
    Matcher block = Pattern.compile("```sh ops:" + Pattern.quote(name) + "\\n(.*?)```",
        Pattern.DOTALL).matcher(Files.readString(GUIDE));
    assertThat(block.find()).as("block ops:%s in %s", name, GUIDE).isTrue();
    Path script = workDir.resolve("ops-" + name + ".sh");
    Files.writeString(script, "set -euo pipefail\n" + block.group(1));
    ProcessBuilder bash = new ProcessBuilder("bash", script.toString())
        .directory(workDir.toFile()).redirectErrorStream(true);
    bash.environment().put("SWITCHBOARD", Path.of("bin/switchboard").toAbsolutePath().toString());
    bash.environment().put("SWITCHBOARD_JAR", RunningJar.jar().toString());
    bash.environment().put("JAVA_HOME", System.getProperty("java.home"));
    bash.environment().putAll(variables);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("ops:%s finished", name).isTrue();
    return new Result(process.exitValue(), output);
  }

  /** The settings of an environment file as the guide writes it ({@code KEY=value} lines). */
  public static Map<String, String> settings(Path envFile) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    if (Files.exists(envFile)) {
      for (String line : Files.readAllLines(envFile)) {
        int equals = line.indexOf('=');
        if (!line.startsWith("#") && equals > 0) {
          settings.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    return settings;
  }
}
