package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measurement as ordered {@code key=value} lines: easy to write from Java and from the run
 * script, and read back by the report. Latencies are in milliseconds.
 */
final class Result {
  final Map<String, String> values = new LinkedHashMap<>();

  Result put(String key, Object value) {
    values.put(key, value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
    return this;
  }

  /** Percentiles of a histogram recorded in microseconds. */
  Result latencies(Histogram micros) {
    put("p50_ms", micros.getValueAtPercentile(50) / 1000.0);
    put("p90_ms", micros.getValueAtPercentile(90) / 1000.0);
    put("p99_ms", micros.getValueAtPercentile(99) / 1000.0);
    put("p999_ms", micros.getValueAtPercentile(99.9) / 1000.0);
    put("max_ms", micros.getMaxValue() / 1000.0);
    put("mean_ms", micros.getMean() / 1000.0);
    return this;
  }

  String get(String key) {
    return values.get(key);
  }

  double number(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
  }

  void save(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    values.forEach((k, v) -> lines.add(k + "=" + v));
    Files.write(file, lines);
  }

  static Result load(Path file) throws IOException {
    Result r = new Result();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        r.values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return r;
  }

  static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }
}
