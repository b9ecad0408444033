package dev.switchboard.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.ClusterNodes;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.OwnRedisServer;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RunningJar;
import dev.switchboard.support.WsClient;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL and a Redis of the test's own (docs/realtime.md "Redis outages",
 * ADR 0024): both start while Redis is down and serve realtime from the change log; Redis comes,
 * is stopped under load and comes back; a node is killed and its client resumes on the other.
 * Every subscriber ends with every committed change exactly once, in order, and while Redis is
 * away a change made on the other node arrives without waiting for Redis.
 */
@ExtendWith({PostgresTestDatabase.class, OwnRedisServer.class})
class RedisOutageIT {
  private static final String ADMIN_KEY = "redis-outage-admin-key";
  /** The catch-up interval is 1 s and an outage is seen within about 1 s: 10 s is generous. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path nodeA;
  @TempDir Path nodeB;

  private final HttpClient http = HttpClient.newHttpClient();

  private static Map<String, String> environment(int redisPort) {
    return ClusterNodes.environment(OwnRedisServer.url(redisPort), ADMIN_KEY,
        Map.of("SWITCHBOARD_RATE_LIMITS_ENABLED", "false"));
  }

  /** A subscriber's connection and every change sequence it was ever sent, across reconnects. */
  private static final class Subscriber {
    final List<Long> seen = new ArrayList<>();
    WsClient ws;

    /**
     * Resumes from the start and waits until the server says so. A change that reached the
     * connection before its resume was handled (the other node's changes, handed over from the
     * log while the bus is away, may be older than the connection) is sent again by the replay:
     * as docs/realtime.md tells clients, a frame already had is dropped until then. From there on
     * every frame counts.
     */
    Subscriber(WsClient ws, String chat) {
      this.ws = ws;
      ws.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      for (JsonNode frame = ws.next(); !"resumed".equals(frame.get("type").asString()); frame = ws.next()) {
        long seq = frame.path("changeSeq").asLong(0);
        if ("change".equals(frame.get("type").asString()) && !seen.contains(seq)) {
          seen.add(seq);
        }
      }
    }

    /** Takes frames until {@code total} changes were seen (each frame waits up to 20 s). */
    void awaitTotal(long total) {
      while (seen.size() < total) {
        seen.add(ws.next("change").get("changeSeq").asLong());
      }
    }

    long last() {
      return seen.isEmpty() ? 0 : seen.getLast();
    }
  }

  @Test
  void everySubscriberGetsEveryChangeOnceThroughRedisOutagesAndANodeKill() throws Exception {
    int redisPort = OwnRedisServer.freePort();
    try (RunningJar a = RunningJar.start(nodeA, environment(redisPort));
        RunningJar b = RunningJar.start(nodeB, environment(redisPort))) {
      // Started without Redis: serving, with the bus reported as degraded, not the node down.
      assertThat(busStatus(a)).isEqualTo("DEGRADED");
      assertThat(busStatus(b)).isEqualTo("DEGRADED");

      String domain = Fixtures.unique("outage");
      admin(a).body(Json.of("domain", domain)).post("/admin/v1/domains").then().statusCode(201);
      for (String user : List.of("alice", "bob")) {
        admin(a).body(Json.of("userId", user, "password", Fixtures.PASSWORD))
            .post("/admin/v1/domains/{d}/users", domain).then().statusCode(201);
      }
      String alice = token(a, domain, "alice");
      String bob = token(b, domain, "bob");
      String chat = given().baseUri(a.baseUrl()).header("Authorization", "Bearer " + alice)
          .contentType(ContentType.JSON)
          .body(Json.of("type", "text", "targetUserId", "bob", "content", "hello"))
          .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
      AtomicInteger posted = new AtomicInteger(1);
      long joins = 2;

      Subscriber bobOnA = new Subscriber(WsClient.ready(a.port, bob), chat);
      Subscriber bobOnB = new Subscriber(WsClient.ready(b.port, bob), chat);
      Subscriber aliceOnB = new Subscriber(WsClient.ready(b.port, alice), chat);
      List<Subscriber> all = List.of(bobOnA, bobOnB, aliceOnB);

      // 1. No Redis at all: each node serves its own changes in process and reads the other's
      //    from the log, within the bound.
      for (int i = 0; i < 10; i++) {
        post(i % 2 == 0 ? a : b, alice, chat, posted);
      }
      awaitAll(all, joins + posted.get());
      post(a, alice, chat, posted);
      await().atMost(BOUND).untilAsserted(() -> {
        bobOnB.awaitTotal(joins + posted.get());
        assertThat(bobOnB.last()).isEqualTo(joins + posted.get());
      });

      // 2. Redis comes: both nodes connect by themselves within the bounded backoff.
      try (OwnRedisServer redis = OwnRedisServer.startOn(redisPort)) {
        await().atMost(BOUND).until(() -> "UP".equals(busStatus(a)) && "UP".equals(busStatus(b)));
        for (int i = 0; i < 10; i++) {
          post(i % 2 == 0 ? a : b, alice, chat, posted);
        }
        awaitAll(all, joins + posted.get());
      }

      // 3. Redis stops under load (a poster on each node) and comes back on the same port.
      AtomicBoolean posting = new AtomicBoolean(true);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> posters = new ArrayList<>();
      for (RunningJar node : List.of(a, b)) {
        posters.add(Thread.ofVirtual().start(() -> {
          try {
            while (posting.get()) {
              post(node, alice, chat, posted);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      await().atMost(BOUND).until(() -> "DEGRADED".equals(busStatus(a)) && "DEGRADED".equals(busStatus(b)));
      int duringOutage = posted.get();
      await().atMost(BOUND).until(() -> posted.get() >= duringOutage + 20);
      try (OwnRedisServer again = OwnRedisServer.startOn(redisPort)) {
        await().atMost(BOUND).until(() -> "UP".equals(busStatus(a)) && "UP".equals(busStatus(b)));
        int afterOutage = posted.get();
        await().atMost(BOUND).until(() -> posted.get() >= afterOutage + 20);
        posting.set(false);
        for (Thread poster : posters) {
          poster.join();
        }
        assertThat(failures).as("every post during the outage succeeded").isEmpty();
        awaitAll(all, joins + posted.get());

        // 4. Node A is killed: Bob's client there resumes on node B from where it was.
        a.kill();
        assertThat(bobOnA.ws.closeCode()).isEqualTo(1006);
        for (int i = 0; i < 5; i++) {
          post(b, alice, chat, posted);
        }
        bobOnA.ws = WsClient.ready(b.port, bob);
        bobOnA.ws.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":" + bobOnA.last() + "}}");
        awaitAll(all, joins + posted.get());
      }

      long total = joins + posted.get();
      for (Subscriber subscriber : all) {
        assertThat(subscriber.seen).as("every change once, in order")
            .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        // Nothing beyond: the pong comes before any further change frame.
        subscriber.ws.send(Json.of("type", "ping"));
        JsonNode next;
        do {
          next = subscriber.ws.next();
        } while ("resumed".equals(next.get("type").asString()));
        assertThat(next.get("type").asString()).isEqualTo("pong");
        subscriber.ws.close();
      }
    }
  }

  private static void awaitAll(List<Subscriber> subscribers, long total) {
    for (Subscriber subscriber : subscribers) {
      subscriber.awaitTotal(total);
    }
  }

  /** Posts one message, counting it once it is committed (201). */
  private void post(RunningJar node, String token, String chat, AtomicInteger posted) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v2/messages"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  Json.of("type", "text", "chatId", chat, "content", "m" + posted.get())))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      posted.incrementAndGet();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String busStatus(RunningJar node) {
    return given().baseUri(node.baseUrl()).get("/actuator/health")
        .then().statusCode(200).extract().path("components.realtimeBus.status");
  }

  private static io.restassured.specification.RequestSpecification admin(RunningJar node) {
    return given().baseUri(node.baseUrl()).header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON);
  }

  private static String token(RunningJar node, String domain, String user) {
    return given().baseUri(node.baseUrl()).contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", user, "password", Fixtures.PASSWORD))
        .post("/auth/token").then().statusCode(200).extract().path("accessToken");
  }
}
