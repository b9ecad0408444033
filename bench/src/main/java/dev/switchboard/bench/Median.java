package dev.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Combines several runs into one: every measurement present in all of them, each numeric
 * value the median of the runs' values (the targets are judged on the median of
 * three runs). Values are taken per key, so a median row's p99 may come from another run than
 * its throughput; with three runs each figure is still one that was actually measured.
 * Non-numeric values and the meta data come from the first run, with the run list added.
 */
final class Median {
  static void run(Args args) throws Exception {
    Path out = Path.of(args.get("dir"));
    List<Path> runs = Arrays.stream(args.get("runs").split(",")).map(Path::of).toList();
    Files.createDirectories(out.resolve("raw"));
    TreeSet<String> names = rawNames(runs.getFirst());
    for (Path run : runs.subList(1, runs.size())) {
      names.retainAll(rawNames(run));
    }
    for (String name : names) {
      List<Result> each = new ArrayList<>();
      for (Path run : runs) {
        each.add(Result.load(run.resolve("raw").resolve(name)));
      }
      median(each).save(out.resolve("raw").resolve(name));
    }
    Result meta = Result.load(runs.getFirst().resolve("meta.properties"));
    List<String> loads = new ArrayList<>();
    for (Path run : runs) {
      loads.add(Result.load(run.resolve("meta.properties")).get("loadavg"));
    }
    meta.put("run", "median of " + runs.size() + " runs (" + String.join(", ",
        runs.stream().map(p -> p.getFileName().toString()).toList()) + "); each: " + meta.get("run"));
    meta.put("loadavg", String.join(" | ", loads));
    meta.save(out.resolve("meta.properties"));
  }

  private static TreeSet<String> rawNames(Path run) throws Exception {
    try (Stream<Path> files = Files.list(run.resolve("raw"))) {
      return files.map(f -> f.getFileName().toString()).collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }
  }

  static Result median(List<Result> each) {
    Result first = each.getFirst();
    Result m = new Result();
    first.values.forEach((key, value) -> {
      double[] numbers = each.stream().mapToDouble(r -> parse(r.get(key))).sorted().toArray();
      boolean numeric = Arrays.stream(numbers).noneMatch(Double::isNaN);
      if (!numeric || key.equals("clients")) {
        m.values.put(key, value);
      } else {
        double median = numbers.length % 2 == 1 ? numbers[numbers.length / 2]
            : (numbers[numbers.length / 2 - 1] + numbers[numbers.length / 2]) / 2;
        m.values.put(key, value.contains(".") || median != Math.rint(median)
            ? String.format(Locale.ROOT, "%.3f", median) : String.valueOf((long) median));
      }
    });
    return m;
  }

  private static double parse(String v) {
    if (v == null || !v.matches("-?\\d+(\\.\\d+)?")) {
      return Double.NaN;
    }
    return Double.parseDouble(v);
  }

  private Median() {}
}
