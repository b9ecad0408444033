package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code /actuator/prometheus} as series → value, for before/after comparisons. */
final class Metrics {
  private Metrics() {}

  static Map<String, Double> scrape() {
    String text = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
    Map<String, Double> series = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return series;
  }

  static void assertIncrease(
      Map<String, Double> before, Map<String, Double> after, String series, double by) {
    assertThat(after).as("series %s", series).containsKey(series);
    double increase = after.get(series) - before.getOrDefault(series, 0.0);
    assertThat(increase).as("increase of %s", series).isCloseTo(by, within(0.001));
  }
}
