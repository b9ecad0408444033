package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each with its own keep-alive connection, send the
 * scenario's next request as soon as the previous answer arrived. A warm-up is run first and not
 * recorded; then every request started in the measured window is counted and its latency
 * recorded (microseconds, HdrHistogram).
 */
final class LoadRun {
  static void run(Args args) throws Exception {
    String base = args.get("base");
    String name = args.get("scenario");
    int clients = args.integer("clients", 8);
    double warmup = args.decimal("warmup", 5);
    double duration = args.decimal("duration", 15);
    State state = args.options().containsKey("state") ? State.load(Path.of(args.get("state"))) : null;
    Scenario scenario = Scenario.create(name, base, state, args);

    long start = System.nanoTime();
    long measureFrom = start + (long) (warmup * 1e9);
    long measureTo = measureFrom + (long) (duration * 1e9);
    AtomicLong ok = new AtomicLong();
    AtomicLong total = new AtomicLong();
    ServerCpu cpu = ServerCpu.over(args.get("server-pid", null), measureFrom, measureTo);
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Histogram h = Result.histogram();
      histograms.add(h);
      // A seed of its own for every client of every measurement: the v5 scenario's referenceIds
      // come from it, and one repeated from an earlier measurement is an idempotent replay of
      // that send, not a send (fixed seeds made part of the v5 "sends" replays until 2026-12-06).
      Random random = new Random(ThreadLocalRandom.current().nextLong());
      threads.add(
          Thread.ofPlatform().name("client-" + i).start(() -> {
            HttpClient http = Http.client();
            while (true) {
              long t0 = System.nanoTime();
              if (t0 >= measureTo) {
                return;
              }
              HttpRequest request = scenario.next(random);
              int status;
              String body;
              try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
              } catch (Exception e) {
                status = -1;
                body = e.toString();
              }
              long t1 = System.nanoTime();
              total.incrementAndGet();
              if (t0 < measureFrom) {
                continue;
              }
              if (status == scenario.expectedStatus()) {
                ok.incrementAndGet();
                h.recordValue(Math.min((t1 - t0) / 1000, h.getHighestTrackableValue()));
              } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, status + " " + Json.abbreviate(body));
              }
            }
          }));
    }
    for (Thread t : threads) {
      t.join();
    }
    Histogram all = Result.histogram();
    histograms.forEach(all::add);
    Result r =
        new Result()
            .put("kind", "load")
            .put("scenario", name)
            .put("phase", args.get("phase", "empty"))
            .put("clients", clients)
            .put("duration_s", duration)
            .put("ok", ok.get())
            .put("errors", errors.get())
            .put("throughput", ok.get() / duration)
            .put("requests_total", total.get())
            .put("server_cpu_ms_per_req", cpu.millisPer(ok.get() + errors.get()))
            .latencies(all);
    if (firstError.get() != null) {
      r.put("first_error", firstError.get().replace('\n', ' '));
    }
    r.save(Path.of(args.get("out")));
    System.out.printf(
        "%-24s c=%-3d %9.1f/s p50 %7.2f ms p99 %7.2f ms errors %d%s%n",
        name, clients, ok.get() / duration, all.getValueAtPercentile(50) / 1000.0,
        all.getValueAtPercentile(99) / 1000.0, errors.get(),
        firstError.get() == null ? "" : " first: " + firstError.get());
  }
}
