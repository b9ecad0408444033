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
   * heartbeat (4009) or the operating system: once a write to it has been blocked for
   * {@code send-timeout} (5 s) or more than {@code queue-bytes} (1 MB) wait for it, whichever
   * comes first; another connection of the same user meanwhile receives everything. The client
   * is a raw socket with a small fixed receive buffer (no autotuning to tens of MB), reading
   * nothing until the end. The mechanisms alone are pinned down in ConnectionTest.
   */
  @Test
  void aClientThatStopsReadingIsClosedForResyncWithinTheSendTimeoutWithoutSlowingOthers()
      throws Exception {
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
    try (Socket slow = new Socket();
        WsClient fast = WsClient.ready(port, fixtures.token(domain, bob))) {
      slow.setReceiveBufferSize(16 * 1024);
      slow.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      slow.setSoTimeout(20_000);
      InputStream in = upgrade(slow, fixtures.token(domain, bob));
      // Alive but not reading: it keeps sending unsolicited pongs (RFC 6455 5.5.3), so the
      // heartbeat (3 s in tests) does not close it first.
      OutputStream out = slow.getOutputStream();
      var pongs = Executors.newSingleThreadScheduledExecutor();
      pongs.scheduleWithFixedDelay(() -> {
        try {
          out.write(new byte[] {(byte) 0x8A, (byte) 0x80, 0, 0, 0, 0});
          out.flush();
        } catch (java.io.IOException closed) {
          // The server cut the connection: nothing more to keep alive.
        }
      }, 0, 500, TimeUnit.MILLISECONDS);
      // Post until the stuck client's socket buffers are full and the server drops it; bounded
      // (the server's send buffer grows to 4 MB here, the queue holds 1 MB).
      while (closes("4008") == before && posts < 400) {
        fixtures.as(aliceToken).body(Json.of("type", "text", "chatId", chat, "content", big))
            .post("/api/v2/messages").then().statusCode(201);
        posts++;
      }
      // However little the queue held when posting stopped, a write blocked that long is given up.
      await().atMost(Duration.ofSeconds(10)).until(() -> closes("4008") > before);
      assertThat(closes("4009")).as("not left to the heartbeat").isEqualTo(heartbeatsBefore);
      assertThat(fast.changes(posts)).extracting(f -> f.get("changeSeq").asLong())
          .startsWith(4L).endsWith(3L + posts);
      // Reading now: the frames the buffers held, then the close frame if it still fitted
      // (4008), else the cut connection (1006).
      pongs.shutdownNow();
      assertThat(closeCode(in)).isIn(4008, 1006);
    }
  }

  /**
   * The close code of the first close frame, skipping every other frame; 1006 when the connection
   * ends without one: at end of stream, or reset (a pong the client wrote after the server closed
   * makes the server's kernel answer with a reset, which the client's next read reports).
   */
  private static int closeCode(InputStream in) throws java.io.IOException {
    try {
      return readCloseCode(in);
    } catch (java.net.SocketException reset) {
      return 1006;
    }
  }

  private static int readCloseCode(InputStream in) throws java.io.IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        return 1006;
      }
      int length = in.read() & 0x7f;
      long size = length;
      if (length == 126) {
        size = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
      } else if (length == 127) {
        size = java.nio.ByteBuffer.wrap(in.readNBytes(8)).getLong();
      }
      byte[] payload = in.readNBytes((int) size);
      if (payload.length < size) {
        return 1006;
      }
      if ((first & 0x0f) == 0x8) {
        return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
      }
    }
  }

  /** Upgrades a raw socket to a realtime WebSocket with the token as header; returns its input. */
  private InputStream upgrade(Socket socket, String token) throws java.io.IOException {
    OutputStream out = socket.getOutputStream();
    String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    out.write(("GET /realtime/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    assertThat(readLine(in)).contains("101");
    while (!readLine(in).isEmpty()) {
      // response headers
    }
    return in;
  }

  @Test
  void aPeerThatNeverAnswersPingsIsClosedAfterTwoHeartbeats() throws Exception {
    String domain = fixtures.domain();
    String token = fixtures.token(domain, fixtures.user(domain));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      InputStream in = upgrade(socket, token);
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
