package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a run directory's measurements into report.md and report.json: every scenario beside
 * its ceiling at the same concurrency and phase, with ratio = scenario / ceiling throughput and
 * p99× = scenario p99 / ceiling p99; then the targets, each met or missed.
 */
final class Report {
  static void run(Args args) throws Exception {
    Path dir = Path.of(args.get("dir"));
    Result meta = Result.load(dir.resolve("meta.properties"));
    List<Result> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("raw"))) {
      for (Path f : files.sorted().toList()) {
        all.add(Result.load(f));
      }
    }
    all.sort(Comparator.comparing((Result r) -> r.get("phase")).thenComparing(r -> r.get("scenario"))
        .thenComparingDouble(r -> r.number("clients")));
    Targets targets = new Targets(all, meta.get("target_clients"));
    StringBuilder md = new StringBuilder();
    md.append("# Switchboard benchmark, ").append(meta.get("date")).append("\n\n");
    md.append("Machine: ").append(meta.get("machine")).append("  \n");
    md.append("Software: ").append(meta.get("software")).append("  \n");
    md.append("Run: ").append(meta.get("run")).append("  \n");
    md.append("Load on the machine when the run started: ").append(meta.get("loadavg")).append("\n\n");
    md.append("Ratio = scenario throughput / ceiling throughput at the same concurrency; ")
        .append("p99× = scenario p99 / ceiling p99 (lower is better). Latencies in ms. Server CPU ms/req and ")
        .append("pool/req (connections taken from the pool per request) are the server's costs per request, ")
        .append("much less sensitive to other load than throughput.\n\n");
    for (String phase : List.of("coldstart", "empty", "history")) {
      List<Result> rows = all.stream().filter(r -> phase.equals(r.get("phase")) && "load".equals(r.get("kind"))).toList();
      if (rows.isEmpty()) {
        continue;
      }
      md.append("## Scenarios, ").append(switch (phase) {
        case "coldstart" -> "first load after the start (the JIT still compiling; the server warm-up)";
        case "empty" -> "empty database";
        default -> "with the preloaded history (" + meta.get("history") + " messages)";
      }).append("\n\n");
      md.append("| Scenario | Clients | req/s | p50 | p99 | errors | server CPU ms/req | pool/req | Ceiling | ceiling /s | ceiling p99 | ratio | p99× |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
      for (Result r : rows) {
        // The cold start has no ceilings of its own: it is read against the warm rows below.
        List<String> ceilings = phase.equals("coldstart") ? List.of() : Targets.ceilingsFor(r.get("scenario"));
        if (ceilings.isEmpty()) {
          md.append(row(r, null, null));
        }
        for (String name : ceilings) {
          Result ceiling = targets.find(phase, Targets.ceilingScenario(name), r.get("clients")).orElse(null);
          // The HTTP ceiling is measured on the empty database only; pgbench ones in every phase.
          if (ceiling != null || !name.equals("http")) {
            md.append(row(r, name, ceiling));
          }
        }
      }
      md.append("\n");
    }
    md.append("## Ceilings (pgbench, same PostgreSQL, same tables)\n\n| Ceiling | Phase | Clients | tx/s | p50 | p99 |\n|---|---|---:|---:|---:|---:|\n");
    for (Result r : all) {
      if ("ceiling".equals(r.get("kind"))) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %.2f |%n", r.get("scenario"),
            r.get("phase"), r.get("clients"), r.number("throughput"), r.number("p50_ms"), r.number("p99_ms")));
      }
    }
    for (Result r : all) {
      if ("sms".equals(r.get("kind"))) {
        md.append("\n## SMS submits per node (scenario 9)\n\n")
            .append("| SMS | submits/s | ceiling /s (binds × window / answer time) | ratio | window | answer ms | duplicates |\n")
            .append("|---:|---:|---:|---:|---:|---:|---:|\n")
            .append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %s | %s | %s |%n", r.get("sms"),
                r.number("throughput"), r.number("ceiling_per_s"), r.number("ratio"), r.get("window"),
                r.get("answer_delay_ms"), r.get("duplicates")));
      }
    }
    md.append("\n## Other measurements\n\n");
    for (Result r : all) {
      if (!List.of("load", "ceiling", "sms").contains(r.get("kind"))) {
        md.append("- **").append(r.get("scenario")).append("**: ");
        List<String> parts = new ArrayList<>();
        r.values.forEach((k, v) -> {
          if (!List.of("kind", "scenario").contains(k)) {
            parts.add(k + " " + v);
          }
        });
        md.append(String.join(", ", parts)).append("\n");
      }
    }
    md.append("\n## Targets (issues 7 and 19)\n\n| # | Target | Measured | |\n|---|---|---|---|\n");
    for (Targets.Check c : targets.checks()) {
      md.append("| ").append(c.id()).append(" | ").append(c.target()).append(" | ").append(c.measured())
          .append(" | ").append(c.status()).append(" |\n");
    }
    Files.writeString(dir.resolve("report.md"), md);
    Files.writeString(dir.resolve("report.json"), json(meta, all, targets.checks()));
    System.out.print(md);
  }

  private static String row(Result r, String ceilingName, Result ceiling) {
    String c = ceiling == null
        ? (ceilingName == null ? "| — | | | | |" : "| " + ceilingName + " | n/a | | | |")
        : String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f |", ceilingName, ceiling.number("throughput"),
            ceiling.number("p99_ms"), r.number("throughput") / ceiling.number("throughput"),
            r.number("p99_ms") / ceiling.number("p99_ms"));
    return String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %s | %.2f | %.2f %s%n", r.get("scenario"),
        r.get("clients"), r.number("throughput"), r.number("p50_ms"), r.number("p99_ms"), r.get("errors"),
        r.number("server_cpu_ms_per_req"), r.number("pool_checkouts_per_req"), c);
  }

  private static String json(Result meta, List<Result> all, List<Targets.Check> checks) {
    StringBuilder b = new StringBuilder("{\n  \"meta\": ").append(object(meta.values)).append(",\n  \"results\": [\n");
    for (int i = 0; i < all.size(); i++) {
      b.append("    ").append(object(all.get(i).values)).append(i + 1 < all.size() ? ",\n" : "\n");
    }
    b.append("  ],\n  \"targets\": [\n");
    for (int i = 0; i < checks.size(); i++) {
      Targets.Check c = checks.get(i);
      b.append("    {\"id\": ").append(c.id()).append(", \"target\": ").append(Json.quote(c.target()))
          .append(", \"measured\": ").append(Json.quote(c.measured())).append(", \"met\": ")
          .append(Optional.ofNullable(c.met()).map(String::valueOf).orElse("null"))
          .append(i + 1 < checks.size() ? "},\n" : "}\n");
    }
    return b.append("  ]\n}\n").toString();
  }

  private static String object(Map<String, String> values) {
    List<String> fields = new ArrayList<>();
    values.forEach((k, v) -> fields.add(Json.quote(k) + ": " + (v.matches("-?\\d+(\\.\\d+)?") ? v : Json.quote(v))));
    return "{" + String.join(", ", fields) + "}";
  }

  private Report() {}
}
