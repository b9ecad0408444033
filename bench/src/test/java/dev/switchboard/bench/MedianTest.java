package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedianTest {
  private static Result run(String throughput, String p99, String scenario) {
    return new Result().put("kind", "load").put("scenario", scenario).put("clients", "32")
        .put("throughput", throughput).put("p99_ms", p99).put("errors", "0");
  }

  @Test
  void everyNumberIsTheMiddleOfThreeRunsAndTextComesFromTheFirst() {
    Result m = Median.median(List.of(
        run("470.5", "217.6", "send-allmine"),
        run("300.0", "90.0", "other-name"),
        run("510.0", "180.25", "third")));

    assertEquals("470.500", m.get("throughput"));
    assertEquals("180.250", m.get("p99_ms"));
    assertEquals("0", m.get("errors"));
    assertEquals("send-allmine", m.get("scenario"));
    assertEquals("32", m.get("clients"));
  }

  @Test
  void anEvenNumberOfRunsAveragesTheTwoMiddleValues() {
    Result m = Median.median(List.of(run("100", "1", "s"), run("300", "3", "s")));

    assertEquals("200", m.get("throughput"));
    assertEquals("2", m.get("p99_ms"));
  }

  @Test
  void onlyMeasurementsPresentInEveryRunAreCombined(@TempDir Path dir) throws Exception {
    for (String name : List.of("a", "b")) {
      Files.createDirectories(dir.resolve(name).resolve("raw"));
      new Result().put("date", "2026-11-21").put("run", "full").put("loadavg", name)
          .save(dir.resolve(name).resolve("meta.properties"));
      run("10", "1", "x").save(dir.resolve(name).resolve("raw").resolve("shared.properties"));
    }
    run("10", "1", "y").save(dir.resolve("a").resolve("raw").resolve("only-a.properties"));

    Median.run(Args.parse(new String[] {"median", "--dir", dir.resolve("m").toString(),
        "--runs", dir.resolve("a") + "," + dir.resolve("b")}));

    try (var files = Files.list(dir.resolve("m").resolve("raw"))) {
      assertEquals(List.of("shared.properties"), files.map(f -> f.getFileName().toString()).toList());
    }
    Result meta = Result.load(dir.resolve("m").resolve("meta.properties"));
    assertEquals("median of 2 runs (a, b); each: full", meta.get("run"));
    assertEquals("a | b", meta.get("loadavg"));
  }
}
