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
  private ReadmeWalkthrough() {}

  public static void runAll(Path workDir, String baseUrl) throws IOException, InterruptedException {
    String output = run(workDir, baseUrl, "walkthrough");
    assertThat(output)
        .contains("\"transferredAmount\":25")
        .contains("\"senderBalance\":75")
        .contains("\"content\":\"Hello Bob!\"")
        .contains("\"type\":\"credit_transfer\"")
        .contains("\"event\":\"message.created\"");
  }

  /**
   * Runs every block fenced {@code ```sh <fence>}, in order, as one script; returns its output
   * once it succeeded.
   */
  public static String run(Path workDir, String baseUrl, String fence)
      throws IOException, InterruptedException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher matcher = Pattern.compile("```sh " + fence + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).as(fence + " blocks in README.md").isNotEmpty();
    String script = "set -euo pipefail\n"
        + String.join("\n", blocks).replace("http://localhost:8080", baseUrl);
    Path file = workDir.resolve(fence + ".sh");
    Files.writeString(file, script);
    Process bash = new ProcessBuilder("bash", file.toString())
        .directory(workDir.toFile()).redirectErrorStream(true).start();
    boolean finished = bash.waitFor(2, TimeUnit.MINUTES);
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).as(fence + " finished").isTrue();
    assertThat(bash.exitValue()).as(fence + " output:\n%s", output).isZero();
    return output;
  }
}
