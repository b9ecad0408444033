package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A realtime test client on java.net.http: collects frames, records the close code. With
 * {@code reading} off it stops pulling frames, like a client that cannot keep up.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(20);

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean reading = true;
  private WebSocket socket;
  private HttpClient http;

  public static WsClient connect(int port, String bearer) {
    WsClient client = new WsClient();
    client.http = HttpClient.newHttpClient();
    WebSocket.Builder builder = client.http.newWebSocketBuilder();
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    client.socket =
        builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/realtime/v1"), client).join();
    return client;
  }

  /** Connects with the header and waits for the ready frame. */
  public static WsClient ready(int port, String bearer) {
    WsClient client = connect(port, bearer);
    assertThat(client.next().get("type").asString()).isEqualTo("ready");
    return client;
  }

  public void send(String json) {
    socket.sendText(json, true).join();
  }

  public JsonNode next() {
    try {
      JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(frame).as("a frame within %s", WAIT).isNotNull();
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame of the given type, skipping others (pongs, typing…). */
  public JsonNode next(String type) {
    while (true) {
      JsonNode frame = next();
      if (frame.get("type").asString().equals(type)) {
        return frame;
      }
    }
  }

  /** The next {@code count} change frames. */
  public List<JsonNode> changes(int count) {
    List<JsonNode> changes = new ArrayList<>();
    while (changes.size() < count) {
      changes.add(next("change"));
    }
    return changes;
  }

  /** Frames already received and not yet taken. */
  public List<JsonNode> pending() {
    List<JsonNode> drained = new ArrayList<>();
    frames.drainTo(drained);
    return drained;
  }

  public int closeCode() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public void stopReading() {
    reading = false;
  }

  public void resumeReading() {
    reading = true;
    socket.request(Long.MAX_VALUE);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(Json.parse(partial.toString()));
      partial.setLength(0);
    }
    if (reading) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(1006);
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.abort();
    }
    http.close();
  }
}
