package dev.switchboard.api.amity.sdk;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user of the Amity SDK: a Node process running {@code sdk-user.js}, one step per stdin line,
 * each answered by one {@code SDKTEST} line on stdout. Its stderr (the SDK's own logging) goes
 * to a file under {@code target/} and is shown when a step fails.
 */
final class SdkProcess implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long STEP_SECONDS = 60;

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final Path stderr;
  private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
  private int next;

  SdkProcess(String name) throws IOException {
    this.name = name;
    this.stderr = Files.createDirectories(Path.of("target", "amity-sdk")).resolve(name + ".log");
    this.process = new ProcessBuilder("node", "sdk-user.js")
        .directory(AmitySdkInstalled.DIR.toFile())
        .redirectError(stderr.toFile())
        .start();
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread.ofVirtual().name("sdk-" + name).start(this::readAnswers);
  }

  private void readAnswers() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("SDKTEST ")) {
          answers.add(JSON.readTree(line.substring("SDKTEST ".length())));
        }
      }
    } catch (IOException ignored) {
      // The process ended; a pending step fails on its timeout with the log.
    }
  }

  /** Runs one step; fails the test with the SDK's error and log when it does not succeed. */
  JsonNode step(String step, Map<String, Object> args) throws Exception {
    int id = ++next;
    stdin.write(JSON.writeValueAsString(Map.of("id", id, "step", step, "args", args)) + "\n");
    stdin.flush();
    JsonNode answer = answers.poll(STEP_SECONDS, TimeUnit.SECONDS);
    if (answer == null) {
      fail("%s: step %s gave no answer in %d s; log:%n%s", name, step, STEP_SECONDS, tail());
    }
    if (!answer.get("ok").asBoolean()) {
      fail("%s: step %s failed: %s%nlog:%n%s", name, step, answer.get("error").asString(), tail());
    }
    return answer.get("result");
  }

  private String tail() throws IOException {
    String log = Files.readString(stderr);
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }

  @Override
  public void close() throws Exception {
    stdin.close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
