package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static Result load(String scenario, String clients, double throughput, double p99, double cpu) {
    return new Result().put("kind", "load").put("phase", "empty").put("scenario", scenario)
        .put("clients", clients).put("throughput", throughput).put("p99_ms", p99)
        .put("server_cpu_ms_per_req", cpu);
  }

  private static Result ceiling(String name, String clients, double throughput, double p99) {
    return new Result().put("kind", "ceiling").put("phase", "empty").put("scenario", "ceiling-" + name)
        .put("clients", clients).put("throughput", throughput).put("p99_ms", p99);
  }

  private static Targets.Check check(List<Targets.Check> checks, String id, String scenario) {
    return checks.stream().filter(c -> c.id().equals(id) && c.target().startsWith(scenario)).findFirst().orElseThrow();
  }

  @Test
  void aDialectSendIsComparedWithTheAllmineSendInThroughputAndCpu() {
    List<Targets.Check> checks = new Targets(List.of(
        ceiling("send-2rt", "32", 1000, 20),
        load("send-allmine", "32", 800, 40, 0.50),
        load("send-amity", "32", 720, 40, 0.55),
        load("send-netsapiens", "32", 780, 40, 0.60)), "32").checks();

    assertEquals(Boolean.TRUE, check(checks, "19.3", "send-amity").met());
    assertEquals("90 % / 110 % of Allmine, 72 % of the ceiling", check(checks, "19.3", "send-amity").measured());
    assertEquals(Boolean.FALSE, check(checks, "19.3", "send-netsapiens").met(), "20 % more CPU than Allmine");
  }

  @Test
  void tailLatencyIsJudgedAtEightClientsAgainstTheCeilingsTail() {
    List<Targets.Check> checks = new Targets(List.of(
        ceiling("send-2rt", "8", 900, 4),
        load("send-allmine", "8", 500, 11.9, 0.5),
        load("send-amity", "8", 500, 12.1, 0.5)), "32").checks();

    assertEquals(Boolean.TRUE, check(checks, "19.1", "send-allmine").met());
    assertEquals(Boolean.FALSE, check(checks, "19.1", "send-amity").met());
  }

  @Test
  void thePacedRealtimeRunDecidesTheRealtimeLatencyTarget() {
    Result paced = new Result().put("kind", "realtime").put("phase", "empty")
        .put("scenario", "realtime-paced-allmine").put("clients", "paced").put("ok", 700)
        .put("delivered", 700).put("missing", 0).put("p99_ms", 38.5).put("throughput", 700.0);

    Targets.Check check = check(new Targets(List.of(paced), "32").checks(), "19.4", "realtime paced");

    assertEquals(Boolean.TRUE, check.met());
    assertEquals("700/700 delivered, p99 38.5 ms at 700 sends/s", check.measured());
  }
}
