package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scenario 6: the receiving member of every bench conversation is connected to the realtime
 * gateway while {@code clients} senders post (closed loop, as scenario 1). Every message whose
 * send answered 201 must arrive as a {@code message.created} frame. Commit-to-frame latency is
 * frame arrival minus the message's {@code createdAt} (stamped before the insert, on the same
 * machine's clock): an upper bound, millisecond resolution. Drain is how long after the last
 * send the last expected frame arrived. With {@code --rate R} the senders are paced instead
 * (open loop, R sends per second: scenario {@code realtime-paced-allmine}). The server's own
 * delivery lag over the same sends ({@link ServerLag}) is reported beside it.
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

    double rate = args.decimal("rate", 0);
    ServerLag serverLag = new ServerLag(base, args.get("admin-key", null), "websocket");
    DeliveryLoad.Sent sent = rate > 0
        ? DeliveryLoad.paced(base, state, rate, duration, 7, "realtime")
        : DeliveryLoad.closedLoop(base, state, clients, duration, 7, "realtime");
    DeliveryLoad.Drained drained = DeliveryLoad.await(sent, arrived, args.integer("drain-timeout", 10));
    Histogram h = latencies.getIntervalHistogram();
    sockets.forEach(f -> f.join().sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    Result result = DeliveryLoad.result(sent, drained, duration)
        .put("kind", "realtime").put("scenario", rate > 0 ? "realtime-paced-allmine" : "realtime-allmine")
        .put("phase", args.get("phase", "empty"))
        .put("clients", rate > 0 ? "paced" : String.valueOf(clients)).put("rate", rate)
        .put("subscribers", sockets.size())
        .latencies(h);
    serverLag.addTo(result);
    result.save(Path.of(args.get("out")));
    System.out.printf(
        "realtime %s subscribers=%d sends %.1f/s delivered %d/%d drain %.0f ms frame p99 %.2f ms%n",
        rate > 0 ? String.format("paced at %.0f/s", rate) : "c=" + clients, sockets.size(),
        sent.ids().size() / duration, sent.ids().size() - drained.missing(), sent.ids().size(),
        drained.drainMs(), h.getValueAtPercentile(99) / 1000.0);
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
