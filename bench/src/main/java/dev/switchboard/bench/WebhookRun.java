package dev.switchboard.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scenario 10: webhook delivery. A receiver in this process (the JDK's HTTP server, one virtual
 * thread per request) answers every POST after {@code delay-ms} (5 ms), as a busy backend would;
 * a native webhook of the bench domain posts {@code message.created} to it while {@code clients}
 * senders post as in scenario 1. Every message whose send answered 201 must be delivered (counted
 * once per message id, so redeliveries are visible as {@code duplicates}); lag is arrival minus
 * the change's {@code timestamp} (its commit-side clock, same machine). Drain is how long after
 * the last send the last expected delivery came. The server must allow loopback webhook targets
 * ({@code SWITCHBOARD_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true}, as bench/run starts it).
 */
final class WebhookRun {
  static void run(Args args) throws Exception {
    String base = args.get("base");
    int clients = args.integer("clients", 32);
    double duration = args.decimal("duration", 15);
    long delayMs = args.integer("delay-ms", 5);
    State state = State.load(Path.of(args.get("state")));

    Map<String, Long> arrived = new ConcurrentHashMap<>();
    AtomicLong posts = new AtomicLong();
    Recorder lag = new Recorder(3);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext("/hook", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      long now = System.nanoTime();
      posts.incrementAndGet();
      // The event's own id comes first; the message's id is the first "id" inside data.
      String messageId = Json.field(body.substring(body.indexOf("\"data\"")), "id");
      if (arrived.putIfAbsent(messageId, now) == null) {
        long micros = Duration.between(Instant.parse(Json.field(body, "timestamp")), Instant.now()).toNanos() / 1000;
        lag.recordValue(Math.max(0, micros));
      }
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    HttpClient http = Http.client();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String id = Json.field(Http.expect(http, Http.post(base + "/admin/v1/domains/default/webhooks", args.get("admin-key"),
        "{\"url\":\"" + hook + "\",\"events\":[\"message.created\"]}"), 201), "id");

    DeliveryLoad.Sent sent = DeliveryLoad.closedLoop(base, state, clients, duration, 11, "webhook");
    DeliveryLoad.Drained drained = DeliveryLoad.await(sent, arrived, args.integer("drain-timeout", 60));
    Http.expect(http, java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/admin/v1/domains/default/webhooks/" + id))
        .header("Authorization", "Bearer " + args.get("admin-key")).DELETE().build(), 204);
    receiver.stop(0);
    Histogram h = lag.getIntervalHistogram();
    DeliveryLoad.result(sent, drained, duration)
        .put("kind", "webhooks").put("scenario", "webhook-delivery").put("phase", args.get("phase", "empty"))
        .put("clients", clients).put("receiver_delay_ms", delayMs)
        .put("duplicates", Math.max(0, posts.get() - arrived.size()))
        .latencies(h)
        .save(Path.of(args.get("out")));
    System.out.printf("webhooks c=%d sends %.1f/s delivered %d/%d (duplicates %d) drain %.0f ms lag p99 %.2f ms%n",
        clients, sent.ids().size() / duration, sent.ids().size() - drained.missing(), sent.ids().size(),
        posts.get() - arrived.size(), drained.drainMs(), h.getValueAtPercentile(99) / 1000.0);
  }

  private WebhookRun() {}
}
