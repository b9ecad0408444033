package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 7: {@code count} authenticated, idle realtime connections. The server's heap after a
 * full GC (jcmd GC.run, then GC.heap_info) and its RSS are read before and with the connections.
 */
final class IdleSockets {
  static void run(Args args) throws Exception {
    String base = args.get("base");
    int count = args.integer("count", 10_000);
    long pid = Long.parseLong(args.get("server-pid"));
    String jcmd = args.get("jcmd", "jcmd");
    State state = State.load(Path.of(args.get("state")));

    double heapBefore = heapAfterGcMb(jcmd, pid);
    double rssBefore = rssMb(pid);
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < Math.max(1, count / 1000); i++) {
      clients.add(Http.client());
    }
    Semaphore inFlight = new Semaphore(200);
    List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      String token = state.users().get(i % state.users().size()).token();
      CompletableFuture<WebSocket> ready =
          Sockets.open(clients.get(i % clients.size()), base, token, frame -> {});
      ready.whenComplete((ws, e) -> inFlight.release());
      sockets.add(ready);
    }
    try {
      CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    } catch (Exception someFailed) {
      // Counted below: the report shows how many opened rather than nothing at all.
    }
    double openSeconds = (System.nanoTime() - started) / 1e9;
    List<WebSocket> open =
        sockets.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).map(CompletableFuture::join).toList();
    Thread.sleep(args.integer("hold-ms", 3000));
    double heapWith = heapAfterGcMb(jcmd, pid);
    double rssWith = rssMb(pid);
    open.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    sockets.forEach(f -> f.cancel(true));
    new Result()
        .put("kind", "idle").put("scenario", "idle-websockets").put("phase", "empty")
        .put("connections", open.size()).put("failed", count - open.size()).put("open_s", openSeconds)
        .put("heap_before_mb", heapBefore).put("heap_with_mb", heapWith)
        .put("heap_per_connection_kb", (heapWith - heapBefore) * 1024 / Math.max(1, open.size()))
        .put("rss_before_mb", rssBefore).put("rss_with_mb", rssWith)
        .save(Path.of(args.get("out")));
    System.out.printf(
        "idle websockets: %d of %d open in %.1f s; heap after GC %.0f -> %.0f MB; RSS %.0f -> %.0f MB%n",
        open.size(), count, openSeconds, heapBefore, heapWith, rssBefore, rssWith);
    Thread.sleep(1000);
    if (open.size() < count) {
      throw new IllegalStateException((count - open.size()) + " of " + count + " connections did not open");
    }
  }

  static double heapAfterGcMb(String jcmd, long pid) throws Exception {
    run(jcmd, Long.toString(pid), "GC.run");
    return usedMb(run(jcmd, Long.toString(pid), "GC.heap_info"));
  }

  /**
   * The heap in use in {@code jcmd GC.heap_info}'s answer, whichever collector wrote it: G1,
   * Parallel and Serial say {@code used 123456K}, ZGC {@code used 140M}.
   */
  static double usedMb(String heapInfo) {
    Matcher m = Pattern.compile("used (\\d+)([KMG])").matcher(heapInfo);
    if (!m.find()) {
      throw new IllegalStateException("no heap use in: " + heapInfo);
    }
    double value = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "K" -> value / 1024.0;
      case "M" -> value;
      default -> value * 1024.0;
    };
  }

  static double rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  private IdleSockets() {}
}
