package dev.switchboard.realtime.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.RedisTestServer;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The Redis bus on a real Redis: round trip, and recovery after its connection is killed. */
@ExtendWith(RedisTestServer.class)
class RedisBusIT {
  private final List<BusEvent> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger recoveries = new AtomicInteger();

  private final BusListener listener =
      new BusListener() {
        @Override
        public void onEvent(BusEvent event) {
          received.add(event);
        }

        @Override
        public void onRecovered() {
          recoveries.incrementAndGet();
        }
      };

  @Test
  void eventsRoundTripAndALostConnectionIsRecoveredAndReported() {
    try (RedisBus bus = new RedisBus(RedisTestServer.url(), JsonMapper.builder().build());
        RedisClient admin = RedisClient.create(RedisTestServer.url())) {
      bus.subscribe(listener);
      var change = new BusEvent.ChangeNotice("t1", "c1", 7, "{\"type\":\"change\"}", List.of("alice", "bob"));
      bus.publish(change);
      await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(change));

      // Drop every pub/sub connection, as a Redis restart or network cut would.
      try (var connection = admin.connect()) {
        assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> recoveries.get() >= 1);

      var typing = new BusEvent.TypingNotice("t1", "c1", "alice", List.of("bob"));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        bus.publish(typing);
        assertThat(received).contains(typing);
      });
    }
  }
}
