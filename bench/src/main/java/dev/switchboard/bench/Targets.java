package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets tables of issues 7 and 19, checked against one run's measurements. */
final class Targets {
  record Check(String id, String target, String measured, Boolean met) {
    String status() {
      return met == null ? "n/a" : met ? "met" : "**missed**";
    }
  }

  private final List<Result> all;
  private final String tc;

  Targets(List<Result> all, String targetClients) {
    this.all = all;
    this.tc = targetClients;
  }

  /** The database ceilings a scenario is compared with, by its name's prefix. */
  static List<String> ceilingsFor(String scenario) {
    if (scenario.equals("http")) {
      return List.of();
    }
    if (scenario.startsWith("send-") || scenario.startsWith("hot-") || scenario.startsWith("credit-")) {
      return List.of("send-2rt", "send-cte", "http");
    }
    if (scenario.startsWith("history-newest-")) {
      return List.of("history-newest", "http");
    }
    if (scenario.startsWith("history-random-")) {
      return List.of("history-random", "http");
    }
    return List.of("http");
  }

  /** The measurement behind a ceiling name: pgbench ones are "ceiling-…", the HTTP one is "http". */
  static String ceilingScenario(String name) {
    return name.equals("http") ? "http" : "ceiling-" + name;
  }

  Optional<Result> find(String phase, String scenario, String clients) {
    return all.stream()
        .filter(r -> phase.equals(r.get("phase")) && scenario.equals(r.get("scenario"))
            && (clients == null || clients.equals(r.get("clients"))))
        .findFirst();
  }

  private double value(String phase, String scenario, String clients, String key) {
    return find(phase, scenario, clients).map(r -> r.number(key)).orElse(Double.NaN);
  }

  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    for (Result send : scenarios("send-")) {
      String s = send.get("scenario");
      double r2 = ratio("empty", s, "send-2rt", tc);
      double r1 = ratio("empty", s, "send-cte", tc);
      checks.add(new Check("1", s + " at " + tc + " clients ≥ 70 % of the 2-round-trip ceiling and ≥ 50 % of the 1-statement ceiling",
          pct(r2) + " / " + pct(r1), known(r2, r1) ? r2 >= 0.70 && r1 >= 0.50 : null));
      for (Result atC : all.stream().filter(r -> s.equals(r.get("scenario")) && "empty".equals(r.get("phase"))).toList()) {
        String c = atC.get("clients");
        double p = p99Ratio("empty", s, "send-2rt", c);
        checks.add(new Check("2", s + " p99 ≤ 2 × 2-round-trip ceiling p99 at " + c + " clients", times(p), known(p) ? p <= 2 : null));
      }
    }
    history(checks, "history-random-allmine", "history-random", 0.60);
    history(checks, "history-newest-allmine", "history-newest", 0.50);
    for (String s : List.of("send-allmine", "history-newest-allmine", "history-random-allmine")) {
      double e = value("empty", s, tc, "throughput");
      double h = value("history", s, tc, "throughput");
      checks.add(new Check("4", s + " at " + tc + " clients with the history within 10 % of the empty database",
          pct(h / e) + " of empty", known(e, h) ? h / e >= 0.90 : null));
    }
    double send = value("empty", "send-allmine", tc, "throughput");
    double hot = value("empty", "hot-allmine", tc, "throughput") / send;
    checks.add(new Check("5", "hot conversation ≥ 25 % of the send throughput at " + tc + " clients", pct(hot), known(hot) ? hot >= 0.25 : null));
    double credit = value("empty", "credit-allmine", tc, "throughput") / send;
    Optional<Result> invariants = find("empty", "credit-invariants", null);
    double violations = invariants.map(r -> r.number("violations")).orElse(Double.NaN);
    checks.add(new Check("6", "credit transfers ≥ 50 % of the send throughput, zero invariant violations",
        pct(credit) + ", " + (Double.isNaN(violations) ? "not checked" : (long) violations + " violations"),
        known(credit, violations) ? credit >= 0.5 && violations == 0 : null));
    Optional<Result> rt = find("empty", "realtime-allmine", null);
    checks.add(new Check("7", "realtime: every committed message delivered, drain ≤ 1 s, commit-to-frame p99 ≤ 50 ms",
        rt.map(r -> String.format(Locale.ROOT, "%s/%s delivered, drain %.0f ms, p99 %.1f ms at %.0f sends/s",
            r.get("delivered"), r.get("ok"), r.number("drain_ms"), r.number("p99_ms"), r.number("throughput"))).orElse("not run"),
        rt.map(r -> r.number("missing") == 0 && r.number("drain_ms") <= 1000 && r.number("p99_ms") <= 50).orElse(null)));
    Optional<Result> idle = find("empty", "idle-websockets", null);
    checks.add(new Check("8", "10,000 idle WebSocket connections within 1 GiB of heap",
        idle.map(r -> String.format(Locale.ROOT, "%s connections: heap after GC %.0f MB", r.get("connections"), r.number("heap_with_mb"))).orElse("not run"),
        idle.map(r -> r.number("heap_with_mb") <= 1024 && r.number("connections") >= 10_000 ? Boolean.TRUE
            : r.number("heap_with_mb") > 1024 ? Boolean.FALSE : null).orElse(null)));
    Optional<Result> start = find("empty", "startup", null);
    checks.add(new Check("9", "start-up to healthy ≤ 5 s; idle RSS ≤ 300 MB",
        start.map(r -> String.format(Locale.ROOT, "%.2f s, %.0f MB", r.number("startup_s"), r.number("idle_rss_mb"))).orElse("not run"),
        start.map(r -> r.number("startup_s") <= 5 && r.number("idle_rss_mb") <= 300).orElse(null)));
    issue19(checks);
    return checks;
  }

  /** Issue 19's targets: tail latency, one-trip history, dialect parity, paced realtime, memory. */
  private void issue19(List<Check> checks) {
    for (Result send : all.stream().filter(r -> "load".equals(r.get("kind")) && "empty".equals(r.get("phase"))
        && "8".equals(r.get("clients")) && r.get("scenario").startsWith("send-")).toList()) {
      double p = p99Ratio("empty", send.get("scenario"), "send-2rt", "8");
      checks.add(new Check("19.1", send.get("scenario") + " p99 ≤ 3 × 2-round-trip ceiling p99 at 8 clients",
          times(p), known(p) ? p <= 3 : null));
    }
    for (String s : List.of("history-newest-allmine", "history-random-allmine")) {
      double r = ratio("empty", s, "http", tc);
      double p = p99Ratio("empty", s, "http", tc);
      double cpu = value("empty", s, tc, "server_cpu_ms_per_req");
      checks.add(new Check("19.2", s + " ≥ 60 % of the HTTP ceiling at " + tc + " clients, p99 ≤ 3 ×, CPU ≤ 0.35 ms",
          pct(r) + ", p99 " + times(p) + ", " + ms(cpu), known(r, p, cpu) ? r >= 0.6 && p <= 3 && cpu <= 0.35 : null));
    }
    double allmine = value("empty", "send-allmine", tc, "throughput");
    double allmineCpu = value("empty", "send-allmine", tc, "server_cpu_ms_per_req");
    for (Result send : scenarios("send-")) {
      String s = send.get("scenario");
      double t = send.number("throughput") / allmine;
      double cpu = send.number("server_cpu_ms_per_req") / allmineCpu;
      double r2 = ratio("empty", s, "send-2rt", tc);
      checks.add(new Check("19.3", s + " within 15 % of send-allmine (throughput, CPU/req), ≥ 70 % of the 2-round-trip ceiling",
          pct(t) + " / " + pct(cpu) + " of Allmine, " + pct(r2) + " of the ceiling",
          known(t, cpu, r2) ? t >= 0.85 && cpu <= 1.15 && r2 >= 0.70 : null));
    }
    Optional<Result> paced = find("empty", "realtime-paced-allmine", null);
    checks.add(new Check("19.4", "realtime paced at 70 % of the maximum send rate: commit-to-frame p99 ≤ 50 ms, all delivered",
        paced.map(r -> String.format(Locale.ROOT, "%s/%s delivered, p99 %.1f ms at %.0f sends/s",
            r.get("delivered"), r.get("ok"), r.number("p99_ms"), r.number("throughput"))).orElse("not run"),
        paced.map(r -> r.number("missing") == 0 && r.number("p99_ms") <= 50).orElse(null)));
    Optional<Result> idle = find("empty", "idle-websockets", null);
    Optional<Result> start = find("empty", "startup", null);
    checks.add(new Check("19.5", "10,000 idle WebSockets ≤ 512 MB of heap; idle RSS ≤ 250 MB",
        idle.map(r -> String.format(Locale.ROOT, "%s connections: %.0f MB", r.get("connections"), r.number("heap_with_mb"))).orElse("not run")
            + start.map(r -> String.format(Locale.ROOT, "; RSS %.0f MB", r.number("idle_rss_mb"))).orElse(""),
        idle.isPresent() && start.isPresent() && idle.get().number("connections") >= 10_000
            ? idle.get().number("heap_with_mb") <= 512 && start.get().number("idle_rss_mb") <= 250 : null));
  }

  private void history(List<Check> checks, String scenario, String ceiling, double min) {
    double r = ratio("empty", scenario, ceiling, tc);
    double p = p99Ratio("empty", scenario, ceiling, tc);
    checks.add(new Check("3", scenario + " at " + tc + " clients ≥ " + Math.round(min * 100) + " % of its ceiling, p99 ≤ 2 × ceiling",
        pct(r) + ", p99 " + times(p), known(r, p) ? r >= min && p <= 2 : null));
  }

  private List<Result> scenarios(String prefix) {
    return all.stream().filter(r -> "load".equals(r.get("kind")) && r.get("scenario").startsWith(prefix)
        && "empty".equals(r.get("phase")) && tc.equals(r.get("clients"))).toList();
  }

  private double ratio(String phase, String scenario, String ceiling, String clients) {
    return find(phase, scenario, clients).map(r -> r.number("throughput")).orElse(Double.NaN)
        / find(phase, ceilingScenario(ceiling), clients).map(r -> r.number("throughput")).orElse(Double.NaN);
  }

  private double p99Ratio(String phase, String scenario, String ceiling, String clients) {
    return find(phase, scenario, clients).map(r -> r.number("p99_ms")).orElse(Double.NaN)
        / find(phase, ceilingScenario(ceiling), clients).map(r -> r.number("p99_ms")).orElse(Double.NaN);
  }

  private static boolean known(double... values) {
    for (double v : values) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", v * 100);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f ms", v);
  }

  private static String times(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f×", v);
  }
}
