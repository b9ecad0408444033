package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerLagTest {
  private static String page(String face, long under10ms, long under50ms, long all) {
    return "# HELP switchboard_realtime_delivery_lag_seconds x\n"
        + "switchboard_realtime_delivery_lag_seconds_bucket{face=\"" + face + "\",le=\"0.01\"} " + under10ms + "\n"
        + "switchboard_realtime_delivery_lag_seconds_bucket{face=\"" + face + "\",le=\"0.05\"} " + under50ms + "\n"
        + "switchboard_realtime_delivery_lag_seconds_bucket{face=\"" + face + "\",le=\"+Inf\"} " + all + "\n"
        + "switchboard_realtime_delivery_lag_seconds_count{face=\"" + face + "\"} " + all + "\n";
  }

  @Test
  void readsOnlyItsFaceAndTakesPercentilesOfWhatHappenedBetweenTheReadings() {
    Map<Double, Double> before = ServerLag.parse(page("websocket", 100, 100, 100) + page("mqtt", 0, 0, 0), "websocket");
    // 100 frames since: 98 under 10 ms, one more under 50 ms, one slower.
    Map<Double, Double> after = ServerLag.parse(page("mqtt", 5, 5, 5) + page("websocket", 198, 199, 200), "websocket");
    assertEquals(3, after.size());
    assertEquals(10.0, ServerLag.percentile(before, after, 0.50), 1e-9);
    assertEquals(50.0, ServerLag.percentile(before, after, 0.99), 1e-9);
    assertEquals(Double.POSITIVE_INFINITY, ServerLag.percentile(before, after, 1.0));
  }
}
