package dev.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Realtime connections (JDK WebSocket client): header authentication, whole text frames. */
final class Sockets {
  private Sockets() {}

  /** Opens a connection; the future completes when the server has said {@code ready}. */
  static CompletableFuture<WebSocket> open(
      HttpClient http, String base, String token, Consumer<String> frames) {
    CompletableFuture<WebSocket> ready = new CompletableFuture<>();
    URI uri = URI.create(base.replaceFirst("^http", "ws") + "/realtime/v1");
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              String frame = partial.toString();
              partial.setLength(0);
              if (!ready.isDone() && frame.contains("\"type\":\"ready\"")) {
                ready.complete(ws);
              } else {
                frames.accept(frame);
              }
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            ready.completeExceptionally(new IllegalStateException("closed " + code + " " + reason));
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            ready.completeExceptionally(error);
          }
        };
    http.newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(uri, listener)
        .whenComplete((ws, error) -> {
          if (error != null) {
            ready.completeExceptionally(error);
          }
        });
    return ready;
  }
}
