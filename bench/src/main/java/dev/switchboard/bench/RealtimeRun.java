package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scenario 6: the receiving member of every bench conversation is connected to the realtime
 * gateway while {@code clients} senders post (closed loop, as scenario 1). Every message whose
 * send answered 201 must arrive as a {@code message.created} frame. Commit-to-frame latency is
 * frame arrival minus the message's {@code createdAt} (stamped before the insert, on the same
 * machine's clock): an upper bound, millisecond resolution. Drain is how long after the last
 * send the last expected frame arrived. With {@code --rate R} the senders are paced instead
 * (open loop, R sends per second: scenario {@code realtime-paced-allmine}).
 */
final class RealtimeRun {
  static void run(Args args) throws Exception {
    String base = args.get("base");
    int clients = args.integer("clients", 32);
    double duration = args.decimal("duration", 15);
    State state = State.load(Path.of(args.get("state")));

    Map<String, Long> positions = positions(args.get("positions", null));
    java.util.concurrent.CountDownLatch resumed = new java.util.concurrent.CountDownLatch(state.conversations().size());
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    Recorder latencies = new Recorder(3);
    HttpClient wsHttp = Http.client();
    List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
    for (State.Conversation c : state.conversations()) {
      sockets.add(Sockets.open(wsHttp, base, c.b().token(), frame -> {
        if (frame.contains("\"type\":\"resumed\"")) {
          resumed.countDown();
        } else if (frame.contains("\"event\":\"message.created\"")) {
          long now = System.nanoTime();
          Instant created = Instant.parse(Json.field(frame, "createdAt"));
          long micros = TimeUnit.NANOSECONDS.toMicros(
              java.time.Duration.between(created, Instant.now()).toNanos());
          arrived.put(Json.field(frame, "id"), now);
          latencies.recordValue(Math.max(0, micros));
        }
      }));
    }
    CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    // As the protocol asks: resume right after ready, from the conversation's current position,
    // so the first live change is not the start of the connection's sequence (a concurrent
    // earlier one could otherwise be dropped as older).
    for (int i = 0; i < sockets.size(); i++) {
      String id = state.conversations().get(i).id();
      sockets.get(i).join().sendText(
          "{\"type\":\"resume\",\"conversations\":{\"" + id + "\":" + positions.getOrDefault(id, 0L) + "}}", true);
    }
    if (!resumed.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every subscriber was resumed");
    }

    Set<String> sent = ConcurrentHashMap.newKeySet();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + (long) (duration * 1e9);
    double rate = args.decimal("rate", 0);
    Sender send = random -> {
      State.Conversation c = AllmineScenarios.pick(state, random);
      String body = "{\"type\":\"text\",\"chatId\":\"" + c.id() + "\",\"content\":\"realtime\"}";
      return Http.post(base + "/api/v2/messages", c.a().token(), body);
    };
    if (rate > 0) {
      paced(send, rate, end, sent, errors);
    } else {
      closedLoop(send, clients, end, sent, errors);
    }
    long stopped = System.nanoTime();
    long deadline = stopped + TimeUnit.SECONDS.toNanos(args.integer("drain-timeout", 10));
    while (!arrived.keySet().containsAll(sent) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long missing = sent.stream().filter(id -> !arrived.containsKey(id)).count();
    long lastArrival = sent.stream().map(arrived::get).filter(java.util.Objects::nonNull)
        .mapToLong(Long::longValue).max().orElse(stopped);
    double drainMs = Math.max(0, lastArrival - stopped) / 1e6;
    Histogram h = latencies.getIntervalHistogram();
    sockets.forEach(f -> f.join().sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    Result r = new Result()
        .put("kind", "realtime").put("scenario", rate > 0 ? "realtime-paced-allmine" : "realtime-allmine")
        .put("phase", args.get("phase", "empty"))
        .put("clients", rate > 0 ? "paced" : String.valueOf(clients)).put("rate", rate).put("subscribers", sockets.size()).put("duration_s", duration)
        .put("ok", sent.size()).put("errors", errors.get()).put("throughput", sent.size() / duration)
        .put("delivered", sent.size() - missing).put("missing", missing).put("drain_ms", drainMs)
        .latencies(h);
    r.save(Path.of(args.get("out")));
    System.out.printf(
        "realtime %s subscribers=%d sends %.1f/s delivered %d/%d drain %.0f ms frame p99 %.2f ms%n",
        rate > 0 ? String.format("paced at %.0f/s", rate) : "c=" + clients, sockets.size(), sent.size() / duration, sent.size() - missing, sent.size(), drainMs,
        h.getValueAtPercentile(99) / 1000.0);
  }

  /** One send request, its conversation picked with the sender's own random. */
  private interface Sender {
    HttpRequest next(Random random);
  }

  /** As scenario 1: each of {@code clients} senders posts when its previous answer arrived. */
  private static void closedLoop(Sender send, int clients, long end, Set<String> sent, AtomicLong errors)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Random random = new Random(7L * i);
      threads.add(Thread.ofPlatform().start(() -> {
        HttpClient http = Http.client();
        while (System.nanoTime() < end) {
          post(http, send.next(random), sent, errors);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * Open loop: a send starts every 1/rate s whether or not earlier ones were answered, so the
   * commit-to-frame latency measures the gateway at that rate and not the queueing of a saturated
   * server (issue 19, target 4). Each send runs on its own virtual thread.
   */
  private static void paced(Sender send, double rate, long end, Set<String> sent, AtomicLong errors)
      throws InterruptedException {
    long interval = (long) (1e9 / rate);
    HttpClient http = Http.client();
    Random random = new Random(7L);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      for (long k = 0; start + k * interval < end; k++) {
        long wait = start + k * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        HttpRequest request = send.next(random);
        pool.execute(() -> post(http, request, sent, errors));
      }
    }
  }

  private static void post(HttpClient http, HttpRequest request, Set<String> sent, AtomicLong errors) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        sent.add(Json.field(r.body(), "_id"));
      } else {
        errors.incrementAndGet();
      }
    } catch (Exception e) {
      errors.incrementAndGet();
    }
  }

  /** conversation id TAB last change_seq, one a line (the run script reads them from the database). */
  private static Map<String, Long> positions(String file) throws java.io.IOException {
    Map<String, Long> positions = new java.util.HashMap<>();
    if (file != null) {
      for (String line : java.nio.file.Files.readAllLines(Path.of(file))) {
        String[] f = line.split("\t");
        if (f.length == 2) {
          positions.put(f[0].trim(), Long.parseLong(f[1].trim()));
        }
      }
    }
    return positions;
  }

  private RealtimeRun() {}
}
