package dev.switchboard.api.amity.socketio;

import dev.switchboard.access.TokenService;
import dev.switchboard.shared.DomainException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Amity SDK's legacy socket.io 2 connection ({@code /socket.io/?token=…&EIO=3&transport=
 * websocket}), which chat does not use (its realtime is MQTT) but which the SDK opens at login
 * and, if refused, retries every 2–5 s forever. It is answered with the smallest conforming
 * Engine.IO 3 / Socket.IO 2 session: the open packet, the namespace connect, and a pong for each
 * ping; nothing else is ever sent. Never disconnected by the server on purpose: the SDK answers
 * a server-side socket.io disconnect by reconnecting at once. A bad token is refused at the
 * upgrade (401): the SDK then backs off as against Amity. See docs/amity.md.
 */
@Component
public class AmitySocketIoHandler extends TextWebSocketHandler implements HandshakeInterceptor {
  /** Engine.IO timings sent to the client: it pings every 25 s and gives up after 60 s more. */
  static final String OPEN = "0{\"sid\":\"%s\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":60000}";
  private static final int MAX_FRAME = 1024;

  private final TokenService tokens;
  private final AtomicInteger open = new AtomicInteger();

  AmitySocketIoHandler(TokenService tokens, MeterRegistry meters) {
    this.tokens = tokens;
    Gauge.builder("switchboard.amity.socketio.connections", open, AtomicInteger::get)
        .description("Open legacy socket.io connections of Amity SDK clients")
        .register(meters);
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
    String token = query.getFirst("token");
    if (!"3".equals(query.getFirst("EIO")) || !"websocket".equals(query.getFirst("transport"))) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    try {
      if (token == null || token.isBlank()) {
        throw DomainException.unauthenticated("token required");
      }
      tokens.verify(token);
      return true;
    } catch (DomainException refused) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception e) {}

  @Override
  public void afterConnectionEstablished(WebSocketSession session) throws IOException {
    open.incrementAndGet();
    session.setTextMessageSizeLimit(MAX_FRAME);
    session.sendMessage(new TextMessage(OPEN.formatted(UUID.randomUUID())));
    session.sendMessage(new TextMessage("40"));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
    String payload = message.getPayload();
    if (payload.startsWith("2")) {
      // Engine.IO ping (a "2probe" gets "3probe"): answer, or the client times out and retries.
      session.sendMessage(new TextMessage("3" + payload.substring(1)));
    } else if (payload.equals("1")) {
      session.close(CloseStatus.NORMAL);
    }
    // Socket.IO packets (4…) are ignored: Switchboard sends nothing over this connection.
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    open.decrementAndGet();
  }
}
