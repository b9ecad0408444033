package dev.switchboard.realtime.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.OwnRedisServer;
import dev.switchboard.support.RedisTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The Redis bus on a real Redis: round trip, and recovery after its connection is killed. */
@ExtendWith({RedisTestServer.class, OwnRedisServer.class})
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
  void eventsReachTheOtherNodesNotTheSenderAndALostConnectionIsRecoveredAndReported() {
    JsonMapper json = JsonMapper.builder().build();
    List<BusEvent> heardBySender = new CopyOnWriteArrayList<>();
    try (RedisBus sender = bus(RedisTestServer.url(), json);
        RedisBus other = bus(RedisTestServer.url(), json);
        RedisClient admin = RedisClient.create(RedisTestServer.url())) {
      other.subscribe(listener);
      sender.subscribe(heardBySender::add);
      await().atMost(Duration.ofSeconds(10)).until(() -> sender.connected() && other.connected());
      int connectedOnce = recoveries.get();
      var change = new BusEvent.Changes(List.of(
          new BusEvent.ChangeNotice("t1", "c1", 7, "member.joined", "bob", "{\"type\":\"change\"}",
              Instant.parse("2026-01-01T00:00:00.123456Z")),
          // As an older node sends it: no log time.
          new BusEvent.ChangeNotice("t1", "c1", 8, "message.created", null, "{\"type\":\"change\"}", null)));
      sender.publish(change);
      await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(change));

      // Drop every pub/sub connection, as a Redis restart or network cut would.
      try (var connection = admin.connect()) {
        assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> recoveries.get() > connectedOnce);

      var typing = new BusEvent.TypingNotice("t1", "c1", "alice");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        sender.publish(typing);
        assertThat(received).contains(typing);
      });
      // A node has already delivered its own events in process: it never hears them back.
      assertThat(heardBySender).isEmpty();
    }
  }

  private static RedisBus bus(String url, JsonMapper json) {
    return new RedisBus(url, json, Clock.systemUTC(), new SimpleMeterRegistry(), Duration.ofSeconds(2));
  }

  /**
   * A node whose Redis is not there starts anyway: the bus is not connected (and says so) until
   * Redis comes, then connects by itself within its bounded backoff and reports the recovery;
   * publishes meanwhile fail at once and are counted, never queued.
   */
  @Test
  void aBusStartsWithoutRedisAndConnectsWhenItComesWithoutQueueingPublishes() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    int port = OwnRedisServer.freePort();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (RedisBus bus =
        new RedisBus(OwnRedisServer.url(port), json, Clock.systemUTC(), meters, Duration.ofSeconds(1))) {
      bus.subscribe(listener);
      assertThat(bus.connected()).isFalse();
      bus.publish(new BusEvent.TypingNotice("t1", "c1", "alice"));
      await().atMost(Duration.ofSeconds(5)).until(
          () -> meters.counter("switchboard.realtime.bus.published", "outcome", "failed").count() >= 1);
      try (OwnRedisServer redis = OwnRedisServer.startOn(port);
          RedisBus other = bus(redis.url(), json)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.connected() && other.connected());
        assertThat(recoveries.get()).isEqualTo(1);
        var typing = new BusEvent.TypingNotice("t1", "c1", "bob");
        other.publish(typing);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(typing));
        assertThat(received).containsExactly(typing);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !bus.connected());
    }
  }
}
