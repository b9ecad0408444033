package dev.switchboard.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the shell blocks of README.md's walkthrough sections, verbatim except for the port, in
 * the server's working directory. A README step that stops working fails the build.
 */
public final class ReadmeWalkthrough {
  /** Blocks fenced as {@code ```sh walkthrough} are executed; other blocks are prose. */
  private static final Pattern BLOCK = Pattern.compile("```sh walkthrough\\n(.*?)```", Pattern.DOTALL);

  private ReadmeWalkthrough() {}

  public static void runAll(Path workDir, String baseUrl) throws IOException, InterruptedException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(readme);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).as("walkthrough blocks in README.md").isNotEmpty();
    String script = "set -euo pipefail\n"
        + String.join("\n", blocks).replace("http://localhost:8080", baseUrl);
    Path file = workDir.resolve("walkthrough.sh");
    Files.writeString(file, script);
    Process bash = new ProcessBuilder("bash", file.toString())
        .directory(workDir.toFile()).redirectErrorStream(true).start();
    boolean finished = bash.waitFor(2, TimeUnit.MINUTES);
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).as("walkthrough finished").isTrue();
    assertThat(bash.exitValue()).as("walkthrough output:\n%s", output).isZero();
    assertThat(output)
        .contains("\"transferredAmount\":25")
        .contains("\"senderBalance\":75")
        .contains("\"content\":\"Hello Bob!\"")
        .contains("\"type\":\"credit_transfer\"")
        .contains("\"event\":\"message.created\"");
  }
}
