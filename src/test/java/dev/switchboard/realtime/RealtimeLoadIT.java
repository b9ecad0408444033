package dev.switchboard.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import dev.switchboard.support.WsClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Ordering and completeness under concurrent senders, slow consumers, dead peers. */
class RealtimeLoadIT extends ApiTestBase {
  @Autowired MeterRegistry meters;

  @Test
  void everySubscriberSeesEveryChangeOnceInOrderUnderConcurrentSenders() throws Exception {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String bobToken = fixtures.token(domain, bob);
    String chat = fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "start"))
        .post("/api/v2/messages").path("data.chatId");
    int senders = 8;
    int each = 200;
    int expected = 3 + senders * each;
    try (WsClient aliceWs = WsClient.ready(port, aliceToken);
        WsClient bobWs = WsClient.ready(port, bobToken)) {
      aliceWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      bobWs.send("{\"type\":\"resume\",\"conversations\":{\"" + chat + "\":0}}");
      try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
          String token = s % 2 == 0 ? aliceToken : bobToken;
          int sender = s;
          done.add(pool.submit(() -> {
            for (int i = 0; i < each; i++) {
              fixtures.as(token).body(Json.of("type", "text", "chatId", chat, "content", sender + ":" + i))
                  .post("/api/v2/messages").then().statusCode(201);
            }
          }));
        }
        for (Future<?> f : done) {
          f.get(5, TimeUnit.MINUTES);
        }
      }
      for (WsClient ws : List.of(aliceWs, bobWs)) {
        List<JsonNode> changes = ws.changes(expected);
        for (int i = 0; i < expected; i++) {
          assertThat(changes.get(i).get("changeSeq").asLong()).isEqualTo(i + 1L);
        }
        // Nothing beyond: answer a ping, and no change frame may come before the pong.
        ws.send(Json.of("type", "ping"));
        JsonNode afterAll;
        do {
          afterAll = ws.next();
        } while (afterAll.get("type").asString().equals("resumed"));
        assertThat(afterAll.get("type").asString()).isEqualTo("pong");
      }
    }
  }

  /**
   * A client that stops reading is closed for resync (4008) by the server, not left to the
   * heartbeat (4009) or the operating system: as soon as more than {@code queue-bytes} of frames
   * wait for it, or a write to it has been blocked for {@code send-timeout} (5 s), whichever comes
   * first; another connection of the same user meanwhile receives everything. The mechanisms
   * alone are pinned down in ConnectionTest.
   */
  @Test
  void aClientThatStopsReadingIsClosedForResyncWithinTheSendTimeoutWithoutSlowingOthers() {
    String domain = fixtures.domain();
    String alice = fixtures.user(domain);
    String bob = fixtures.user(domain);
    String aliceToken = fixtures.token(domain, alice);
    String chat = fixtures.as(aliceToken).body(Json.of("type", "text", "targetUserId", bob, "content", "x"))
        .post("/api/v2/messages").path("data.chatId");
    double before = closes("4008");
    double heartbeatsBefore = closes("4009");
    String big = "y".repeat(20_000);
    int posts = 0;
    try (WsClient slow = WsClient.ready(port, fixtures.token(domain, bob));
        WsClient fast = WsClient.ready(port, fixtures.token(domain, bob))) {
      slow.stopReading();
      // Post until the stuck client's socket buffers are full and the server drops it; at most
      // 16 MB (the buffers' size depends on the machine, the queue holds 1 MB).
      while (closes("4008") == before && posts < 800) {
        fixtures.as(aliceToken).body(Json.of("type", "text", "chatId", chat, "content", big))
            .post("/api/v2/messages").then().statusCode(201);
        posts++;
      }
      // Whatever the buffers held, a write blocked that long is given up within the timeout.
      await().atMost(Duration.ofSeconds(10)).until(() -> closes("4008") > before);
      assertThat(closes("4009")).as("not left to the heartbeat").isEqualTo(heartbeatsBefore);
      assertThat(fast.changes(posts)).extracting(f -> f.get("changeSeq").asLong())
          .startsWith(4L).endsWith(3L + posts);
      slow.resumeReading();
      // 4008 when the close frame still fitted behind the stuck frames, else the socket is cut.
      assertThat(slow.closeCode()).isIn(4008, 1006);
    }
  }

  @Test
  void aPeerThatNeverAnswersPingsIsClosedAfterTwoHeartbeats() throws Exception {
    String domain = fixtures.domain();
    String token = fixtures.token(domain, fixtures.user(domain));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
      out.write(("GET /realtime/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
          + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = readLine(in);
      assertThat(status).contains("101");
      while (!readLine(in).isEmpty()) {
        // response headers
      }
      // Read frames, never answering: pings (0x9) arrive, then the server gives up (0x8).
      int pings = 0;
      while (true) {
        int opcode = in.read() & 0x0f;
        int length = in.read() & 0x7f;
        byte[] payload = in.readNBytes(length == 126 ? ((in.read() << 8) | in.read()) : length);
        if (opcode == 0x9) {
          pings++;
        } else if (opcode == 0x8) {
          assertThat(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).isEqualTo(4009);
          break;
        }
      }
      assertThat(pings).isGreaterThanOrEqualTo(1);
    }
  }

  private double closes(String code) {
    var counter = meters.find("switchboard.realtime.closes").tag("code", code).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String readLine(InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
