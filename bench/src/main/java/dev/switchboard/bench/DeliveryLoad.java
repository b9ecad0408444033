package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the delivery scenarios (realtime, webhooks, MQTT) share: Allmine sends into random bench
 * conversations for a while, the ids of those answered 201, and then the wait for every one of
 * them to arrive wherever the scenario listens ({@code arrived}: message id → arrival nanoTime).
 */
final class DeliveryLoad {
  /** What was sent: the 201 message ids and the failed requests. */
  record Sent(Set<String> ids, long errors, long stoppedNanos) {}

  /** Whether everything sent arrived, and how long after the last send the last one came. */
  record Drained(long missing, double drainMs) {}

  private DeliveryLoad() {}

  /** As scenario 1: each of {@code clients} senders posts when its previous answer arrived. */
  static Sent closedLoop(String base, State state, int clients, double seconds, long seed, String content)
      throws InterruptedException {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Random random = new Random(seed * (i + 1));
      threads.add(Thread.ofPlatform().start(() -> {
        HttpClient http = Http.client();
        while (System.nanoTime() < end) {
          post(http, send(base, state, random, content), ids, errors);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Sent(ids, errors.get(), System.nanoTime());
  }

  /**
   * Open loop: a send starts every 1/rate s whether or not earlier ones were answered, so what
   * the scenario measures is the path at that rate and not the queueing of a saturated server
   * (issue 19, target 4). Each send runs on its own virtual thread.
   */
  static Sent paced(String base, State state, double rate, double seconds, long seed, String content) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicLong errors = new AtomicLong();
    long interval = (long) (1e9 / rate);
    HttpClient http = Http.client();
    Random random = new Random(seed);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long k = 0; start + k * interval < end; k++) {
        long wait = start + k * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        HttpRequest request = send(base, state, random, content);
        pool.execute(() -> post(http, request, ids, errors));
      }
    }
    return new Sent(ids, errors.get(), System.nanoTime());
  }

  /** Waits (at most {@code timeoutSeconds}) until every sent message has arrived. */
  static Drained await(Sent sent, Map<String, Long> arrived, int timeoutSeconds) throws InterruptedException {
    long deadline = sent.stoppedNanos() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (!arrived.keySet().containsAll(sent.ids()) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long missing = sent.ids().stream().filter(id -> !arrived.containsKey(id)).count();
    long lastArrival = sent.ids().stream().map(arrived::get).filter(Objects::nonNull)
        .mapToLong(Long::longValue).max().orElse(sent.stoppedNanos());
    return new Drained(missing, Math.max(0, lastArrival - sent.stoppedNanos()) / 1e6);
  }

  /** The result fields every delivery scenario reports. */
  static Result result(Sent sent, Drained drained, double seconds) {
    return new Result()
        .put("duration_s", seconds).put("ok", sent.ids().size()).put("errors", sent.errors())
        .put("throughput", sent.ids().size() / seconds)
        .put("delivered", sent.ids().size() - drained.missing()).put("missing", drained.missing())
        .put("drain_ms", drained.drainMs());
  }

  private static HttpRequest send(String base, State state, Random random, String content) {
    State.Conversation c = AllmineScenarios.pick(state, random);
    String body = "{\"type\":\"text\",\"chatId\":\"" + c.id() + "\",\"content\":\"" + content + "\"}";
    return Http.post(base + "/api/v2/messages", c.a().token(), body);
  }

  private static void post(HttpClient http, HttpRequest request, Set<String> ids, AtomicLong errors) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        ids.add(Json.field(r.body(), "_id"));
      } else {
        errors.incrementAndGet();
      }
    } catch (Exception e) {
      errors.incrementAndGet();
    }
  }
}
