package dev.switchboard.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How late live frames leave this node, per face ({@code websocket}, {@code mqtt}): from the
 * change's entry in the log — inside its transaction, by the committing node's clock — to its
 * frame handed to the connection's socket. It covers the commit, the fan-out, the bus between
 * nodes and the connection's mailbox; not the network or the client. Replayed frames (resume, a
 * gap, a bus outage) are not counted: their age is the client's absence, not the server's lag.
 * A histogram, so p99 can be read from {@code /actuator/prometheus} (README "Operations").
 */
public final class DeliveryLag {
  private final Timer timer;
  private final Clock clock;

  public DeliveryLag(MeterRegistry meters, Clock clock, String face) {
    this.clock = clock;
    this.timer =
        Timer.builder("switchboard.realtime.delivery.lag")
            .description("From a change's entry in the log to its live frame written on this node")
            .tag("face", face)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(meters);
  }

  /** A live frame of the change logged at {@code loggedAt} (null from an older node) just left. */
  public void sent(Instant loggedAt) {
    if (loggedAt != null) {
      Duration lag = Duration.between(loggedAt, clock.instant());
      timer.record(lag.isNegative() ? Duration.ZERO : lag);
    }
  }
}
