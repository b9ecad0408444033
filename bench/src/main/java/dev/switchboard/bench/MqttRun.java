package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Scenario 11: Amity's realtime as its SDK receives it. The receiving member of every bench
 * conversation connects to the MQTT gateway ({@code /mqtt}, MQTT 3.1.1 over WebSocket, Eclipse
 * Paho) as the SDK does — user name its internal {@code _id}, password its token — and subscribes
 * to its smart feed of messages; {@code clients} senders post as in scenario 1. Every message whose
 * send answered 201 must arrive as a {@code message.created} PUBLISH; commit-to-PUBLISH is arrival
 * minus the message's {@code createdAt} (same clock), and drain is how long after the last send
 * the last expected one came. The clients' I/O runs on virtual threads (one Paho client each).
 */
final class MqttRun {
  private static final AtomicLong RECONNECTS = new AtomicLong();

  static void run(Args args) throws Exception {
    String base = args.get("base");
    int clients = args.integer("clients", 32);
    double duration = args.decimal("duration", 15);
    State state = State.load(Path.of(args.get("state")));
    String mqtt = base.replaceFirst("^http", "ws") + "/mqtt";

    Map<String, Long> arrived = new ConcurrentHashMap<>();
    Recorder latencies = new Recorder(3);
    IMqttMessageListener listener = (topic, message) -> {
      String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
      if (payload.contains("\"eventType\":\"message.created\"")) {
        long now = System.nanoTime();
        if (arrived.putIfAbsent(Json.field(payload, "messageId"), now) == null) {
          Instant created = Instant.parse(Json.field(payload, "createdAt"));
          latencies.recordValue(Math.max(0, Duration.between(created, Instant.now()).toNanos() / 1000));
        }
      }
    };
    HttpClient http = Http.client();
    // Paho runs each client's receiver, sender and callback loops as long tasks on this executor
    // (and its pings as scheduled ones): room for all of them, each on a virtual thread.
    ScheduledExecutorService io =
        Executors.newScheduledThreadPool(4 * state.conversations().size() + 16, Thread.ofVirtual().factory());
    // Paho's connect polls every 100 ms for its callback task to start, so one connect takes
    // ~250 ms: 1,000 one after the other took minutes. They connect 64 at a time.
    List<MqttAsyncClient> subscribers = Collections.synchronizedList(new ArrayList<>());
    Semaphore connecting = new Semaphore(64);
    try (ExecutorService connects = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (State.Conversation c : state.conversations()) {
        done.add(connects.submit(() -> {
          connecting.acquire();
          try {
            subscribers.add(subscribe(base, mqtt, http, io, c, listener));
          } finally {
            connecting.release();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(); // a subscriber that could not connect fails the scenario
      }
    }

    ServerLag serverLag = new ServerLag(base, args.get("admin-key", null), "mqtt");
    DeliveryLoad.Sent sent = DeliveryLoad.closedLoop(base, state, clients, duration, 13, "mqtt");
    DeliveryLoad.Drained drained = DeliveryLoad.await(sent, arrived, args.integer("drain-timeout", 10));
    // A forcible disconnect waits up to its timeout for the close: all at once, not in turn.
    try (ExecutorService closes = Executors.newVirtualThreadPerTaskExecutor()) {
      for (MqttAsyncClient client : subscribers) {
        closes.submit(() -> {
          client.disconnectForcibly(0, 1_000);
          client.close();
          return null;
        });
      }
    }
    io.shutdownNow();
    Histogram h = latencies.getIntervalHistogram();
    Result result = DeliveryLoad.result(sent, drained, duration)
        .put("kind", "mqtt").put("scenario", "mqtt-amity").put("phase", args.get("phase", "empty"))
        .put("clients", clients).put("subscribers", subscribers.size())
        .put("connects_retried_for_garbled_keys", RECONNECTS.get())
        .latencies(h);
    serverLag.addTo(result);
    result.save(Path.of(args.get("out")));
    System.out.printf("mqtt c=%d subscribers=%d sends %.1f/s delivered %d/%d drain %.0f ms publish p99 %.2f ms%n",
        clients, subscribers.size(), sent.ids().size() / duration, sent.ids().size() - drained.missing(),
        sent.ids().size(), drained.drainMs(), h.getValueAtPercentile(99) / 1000.0);
  }

  /** The receiving member of {@code c}, connected as the SDK does and subscribed to its feed. */
  private static MqttAsyncClient subscribe(String base, String mqtt, HttpClient http,
      ScheduledExecutorService io, State.Conversation c, IMqttMessageListener listener)
      throws Exception {
    String me = Http.expect(http, Http.get(base + "/api/v3/users/" + c.b().userId(), c.b().token()), 200);
    String internalId = Json.field(me, "_id");
    String path = Json.field(me, "path");
    String net = path.substring(0, path.indexOf("/user/"));
    MqttAsyncClient client = new MqttAsyncClient(mqtt, "bench-" + c.n(), new MemoryPersistence(),
        new ScheduledExecutorPingSender(io), io);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(internalId);
    options.setPassword(c.b().token().toCharArray());
    options.setCleanSession(true);
    options.setKeepAliveInterval(60);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    // Paho encodes each WebSocket key, and the accept value it expects back, with a shared,
    // unsynchronised Base64 encoder: connects made at once now and then send a garbled key,
    // which the server rightly refuses with a 400 ("Incorrect upgrade" to Paho), or garble the
    // value Paho checks the server's right answer against ("Incorrect Sec-WebSocket-Key"). Such
    // a connect is made again and counted.
    for (int attempt = 1; ; attempt++) {
      try {
        client.connect(options).waitForCompletion(30_000);
        break;
      } catch (MqttException e) {
        String cause = String.valueOf(e.getCause());
        boolean garbled = cause.contains("Incorrect upgrade") || cause.contains("Incorrect Sec-WebSocket-Key");
        if (attempt == 5 || !garbled) {
          throw e;
        }
        RECONNECTS.incrementAndGet();
      }
    }
    client.subscribe(net + "/smartfeed/" + internalId + "/messages", 0, listener).waitForCompletion(30_000);
    return client;
  }

  private MqttRun() {}
}
