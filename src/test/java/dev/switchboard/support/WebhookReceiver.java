package dev.switchboard.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real webhook endpoint for tests (the JDK's HTTP server on 127.0.0.1): records every post
 * with its headers and body, and answers what {@link #answer} says for it (default 200). An
 * answer may block, to make the sender time out.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One post as received; {@code answered} is the status the receiver gave it. */
  public record Post(String id, String timestamp, String signature, String body, int answered,
      int number) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile Function<Post, Integer> answer = p -> 200;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** How to answer each post (it sees the post before it is recorded; may block). */
  public void answer(Function<Post, Integer> answer) {
    this.answer = answer;
  }

  /** Posts that arrived, answered or not yet (an answer may block). */
  public int arrived() {
    return count.get();
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** The posts answered 2xx, in the order they arrived. */
  public List<Post> accepted() {
    return posts.stream().filter(p -> p.answered() >= 200 && p.answered() < 300).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var headers = exchange.getRequestHeaders();
    Post incoming = new Post(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
        headers.getFirst("webhook-signature"), body, 0, count.incrementAndGet());
    int status = answer.apply(incoming);
    posts.add(new Post(incoming.id(), incoming.timestamp(), incoming.signature(), body, status,
        incoming.number()));
    byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(status, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    } catch (IOException gone) {
      // The sender gave up (timed out) before the answer: nothing to send it to.
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
