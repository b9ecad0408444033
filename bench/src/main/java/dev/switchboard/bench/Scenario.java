package dev.switchboard.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One kind of request a load client sends again and again. A dialect adds its scenarios with
 * one {@link Factory} each in {@link #REGISTRY} (see AllmineScenarios); the runner, the report
 * and the run script need nothing else.
 */
interface Scenario {
  /** The next request of one client; {@code random} is that client's own. */
  HttpRequest next(Random random);

  /** The status every successful answer has; anything else counts as an error. */
  int expectedStatus();

  interface Factory {
    Scenario create(String base, State state, Args args);
  }

  Map<String, Factory> REGISTRY = registry();

  private static Map<String, Factory> registry() {
    Map<String, Factory> all = new TreeMap<>();
    all.put("http", (base, state, args) -> new Scenario() {
          @Override public HttpRequest next(Random random) {
            return Http.get(base + "/actuator/info", null);
          }
          @Override public int expectedStatus() {
            return 200;
          }
        });
    AllmineScenarios.register(all);
    DialectScenarios.register(all);
    return all;
  }

  static Scenario create(String name, String base, State state, Args args) {
    Factory factory = REGISTRY.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown scenario " + name + "; known: " + REGISTRY.keySet());
    }
    return factory.create(base, state, args);
  }
}
