package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own measure of a delivery scenario: its {@code switchboard_realtime_delivery_lag}
 * histogram of one face (from a change's entry in the log to its live frame written), read from
 * {@code /actuator/prometheus} before and after the scenario. Beside the client-side
 * commit-to-frame figure it tells the server's part (commit, fan-out, mailbox) from the rest
 * (the network, the load generator's own JVM receiving 1,000 connections).
 */
final class ServerLag {
  private static final Pattern BUCKET = Pattern.compile(
      "^switchboard_realtime_delivery_lag_seconds_bucket\\{(.*)}\\s+(\\S+)$", Pattern.MULTILINE);
  private static final Pattern FACE = Pattern.compile("face=\"([^\"]*)\"");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]*)\"");

  private final HttpClient http;
  private final String base;
  private final String adminKey;
  private final String face;
  private final Map<Double, Double> before;

  /** Takes the "before" reading now. {@code adminKey} may be null where metrics are public. */
  ServerLag(String base, String adminKey, String face) throws Exception {
    this.http = Http.client();
    this.base = base;
    this.adminKey = adminKey;
    this.face = face;
    this.before = buckets();
  }

  /** Adds the server's p50 and p99 since the "before" reading (nothing if no frame was counted). */
  void addTo(Result result) throws Exception {
    Map<Double, Double> after = buckets();
    double total = recorded(before, after);
    if (total > 0) {
      result.put("server_lag_frames", (long) total)
          .put("server_lag_p50_ms", percentile(before, after, 0.50))
          .put("server_lag_p99_ms", percentile(before, after, 0.99));
    }
  }

  /**
   * The bound (ms) of the first bucket that holds at least {@code q} of what was recorded between
   * the two readings: an upper bound of that percentile, at the histogram's resolution.
   */
  static double percentile(Map<Double, Double> before, Map<Double, Double> after, double q) {
    double total = recorded(before, after);
    for (Map.Entry<Double, Double> bucket : after.entrySet()) {
      if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= q * total) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }

  /** How many frames were recorded between the two readings (the +Inf bucket counts them all). */
  private static double recorded(Map<Double, Double> before, Map<Double, Double> after) {
    return after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
        - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
  }

  private Map<Double, Double> buckets() throws Exception {
    return parse(Http.expect(http, Http.get(base + "/actuator/prometheus", adminKey), 200), face);
  }

  /** The face's buckets in a Prometheus text page: upper bound (seconds) → cumulative count. */
  static Map<Double, Double> parse(String text, String face) {
    Map<Double, Double> buckets = new TreeMap<>();
    Matcher line = BUCKET.matcher(text);
    while (line.find()) {
      Matcher f = FACE.matcher(line.group(1));
      Matcher le = LE.matcher(line.group(1));
      if (f.find() && f.group(1).equals(face) && le.find()) {
        double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
        buckets.put(bound, Double.parseDouble(line.group(2)));
      }
    }
    return buckets;
  }
}
