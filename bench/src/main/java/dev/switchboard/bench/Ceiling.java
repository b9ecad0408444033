package dev.switchboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * A database ceiling: pgbench runs one of bench/sql/ceiling-*.sql against the same PostgreSQL
 * and the same tables for warm-up + duration seconds with a per-transaction log; transactions
 * that completed in the measured window give the throughput and the latency histogram, exactly
 * as the HTTP runner counts its requests.
 */
final class Ceiling {
  static void run(Args args) throws Exception {
    String name = args.get("name");
    Path script = Path.of(args.get("script"));
    int clients = args.integer("clients", 8);
    double warmup = args.decimal("warmup", 5);
    double duration = args.decimal("duration", 15);
    Path logs = Files.createTempDirectory("pgbench-");
    List<String> command = new ArrayList<>(List.of(
        args.get("pgbench", "pgbench"), "-n", "-M", "simple",
        "-h", args.get("pghost", "127.0.0.1"), "-p", args.get("pgport", "5432"),
        "-U", args.get("pguser", "postgres"),
        "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
        "-T", Integer.toString((int) Math.ceil(warmup + duration)),
        "-l", "--log-prefix", logs.resolve("tx").toString(), "-f", script.toString()));
    for (String define : args.get("defines", "").split(",")) {
      if (!define.isBlank()) {
        command.add("-D");
        command.add(define.trim());
      }
    }
    command.add(args.get("db"));
    long started = System.currentTimeMillis();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0 || output.contains("aborted") && !output.contains("number of failed transactions: 0")) {
      throw new IllegalStateException("pgbench failed (" + exit + "):\n" + output);
    }
    long fromMicros = (started + (long) (warmup * 1000)) * 1000;
    long toMicros = fromMicros + (long) (duration * 1e6);
    Histogram h = Result.histogram();
    long[] counted = {0};
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.split(" ");
          long done = Long.parseLong(f[4]) * 1_000_000 + Long.parseLong(f[5]);
          if (done >= fromMicros && done < toMicros) {
            h.recordValue(Math.min(Long.parseLong(f[2]), h.getHighestTrackableValue()));
            counted[0]++;
          }
        }
        Files.delete(file);
      }
    }
    Files.delete(logs);
    Result r =
        new Result()
            .put("kind", "ceiling")
            .put("scenario", name)
            .put("phase", args.get("phase", "empty"))
            .put("clients", clients)
            .put("duration_s", duration)
            .put("ok", counted[0])
            .put("errors", 0)
            .put("throughput", counted[0] / duration)
            .latencies(h);
    r.save(Path.of(args.get("out")));
    System.out.printf(
        "%-24s c=%-3d %9.1f/s p50 %7.2f ms p99 %7.2f ms (pgbench)%n",
        name, clients, counted[0] / duration, h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0);
  }

  private Ceiling() {}

}
