package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario {@code sms-submit}: SMS submits per second of one node against a carrier that
 * answers every submit_sm in {@code delay-ms} (window in use). The server was started with its
 * SMPP carrier pointing at {@code smsc-port}, where nothing listens yet, so nothing leaves while
 * {@code count} SMS are queued through the NetSapiens API (one session per destination). Then
 * the SMSC starts, the server binds, and the queue drains through the window: throughput is
 * submits / (last answer − first submit received), beside its ceiling
 * {@code binds × window / delay}. Every destination must receive exactly one submit; the run
 * script then checks that every SMS ended delivered.
 */
final class SmsRun {
  private static final String PASSWORD = "bench-sms-password-1";
  private static final String NUMBER = "18005550100";

  static void run(Args args) throws Exception {
    String base = args.get("base");
    int count = args.integer("count", 2000);
    int clients = args.integer("clients", 8);
    long delay = args.integer("delay-ms", 50);
    int window = args.integer("window", 10);
    int binds = args.integer("binds", 1);
    State state = State.load(Path.of(args.get("state")));
    HttpClient http = Http.client();
    prepareNumber(http, base, args.get("admin-key"));

    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>("");
    long enqueueStart = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> sends = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        sends.add(pool.submit(() -> enqueue(http, base, state, n, errors, firstError)));
      }
      for (Future<?> f : sends) {
        f.get();
      }
    }
    double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
    int queued = count - errors.get();
    System.out.printf("queued %d SMS in %.1f s; starting the SMSC (answers in %d ms)%n", queued,
        enqueueSeconds, delay);

    Result result = new Result().put("kind", "sms").put("scenario", "sms-submit")
        .put("phase", "empty").put("clients", binds * window);
    try (BenchSmsc smsc = new BenchSmsc(args.integer("smsc-port", 2775), delay)) {
      long deadline = System.nanoTime() + (60L + queued * delay / 1000) * 1_000_000_000L;
      while ((smsc.submits() < queued || smsc.receiptsSent() + smsc.receiptFailures() < queued)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      double seconds = smsc.spanNanos() / 1e9;
      double throughput = seconds > 0 ? smsc.submits() / seconds : 0;
      double ceiling = binds * window * 1000.0 / delay;
      long missing = Math.max(0, queued - smsc.submits());
      long duplicates = smsc.duplicates();
      result.put("sms", queued).put("submits", smsc.submits()).put("seconds", seconds)
          .put("throughput", throughput).put("ceiling_per_s", ceiling)
          .put("ratio", throughput / ceiling).put("answer_delay_ms", delay)
          .put("window", window).put("binds", binds).put("duplicates", duplicates)
          .put("missing", missing).put("receipts", smsc.receiptsSent())
          .put("errors", errors.get() + missing + duplicates + smsc.receiptFailures())
          .put("first_error", firstError.get());
      System.out.printf("%d submits in %.2f s: %.0f/s, %.0f %% of the ceiling %.0f/s "
          + "(%d bind(s) x window %d / %d ms); %d duplicates, %d missing%n", smsc.submits(),
          seconds, throughput, 100 * throughput / ceiling, ceiling, binds, window, delay,
          duplicates, missing);
    }
    result.save(Path.of(args.get("out")));
  }

  /** A domain number left to the domain ("available"), so every bench user may send from it. */
  private static void prepareNumber(HttpClient http, String base, String adminKey) throws Exception {
    String manager = "bench-sms-manager";
    Http.expect(http, Http.post(base + "/admin/v1/domains/default/users", adminKey,
        "{\"userId\":\"" + manager + "\",\"displayName\":\"SMS manager\",\"password\":\""
            + PASSWORD + "\",\"scope\":\"Office Manager\"}"), 201);
    String login = Http.expect(http, Http.post(base + "/auth/token", null,
        "{\"domain\":\"default\",\"userId\":\"" + manager + "\",\"password\":\"" + PASSWORD
            + "\"}"), 200);
    Http.expect(http, Http.post(base + "/ns-api/v2/domains/~/smsnumbers",
        Json.field(login, "accessToken"),
        "{\"number\":\"" + NUMBER + "\",\"application\":\"available\"}"), 202);
  }

  private static Object enqueue(HttpClient http, String base, State state, int n,
      AtomicInteger errors, AtomicReference<String> firstError) throws Exception {
    State.User sender = state.users().get(n % state.users().size());
    String destination = String.format("1801%07d", n);
    String body = "{\"type\":\"sms\",\"message\":\"bench sms " + n + "\",\"destination\":\""
        + destination + "\",\"from-number\":\"" + NUMBER + "\"}";
    HttpResponse<String> response = http.send(
        Http.post(base + "/ns-api/v2/domains/~/users/~/messages", sender.token(), body),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      errors.incrementAndGet();
      firstError.compareAndSet("", response.statusCode() + " " + Json.abbreviate(response.body()));
    }
    return null;
  }

  private SmsRun() {}
}
