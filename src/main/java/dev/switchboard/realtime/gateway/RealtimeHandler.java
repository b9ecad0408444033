package dev.switchboard.realtime.gateway;

import dev.switchboard.access.TokenService;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realtime protocol: authenticate, resume, typing, ping (frames in docs/realtime.md). */
final class RealtimeHandler extends TextWebSocketHandler {
  static final int MAX_RESUME_ENTRIES = 1000;

  private final RealtimeGateway gateway;
  private final TokenService tokens;
  private final ChangeFeed feed;
  private final JsonMapper json;
  private final Frames frames;

  RealtimeHandler(
      RealtimeGateway gateway, TokenService tokens, ChangeFeed feed, JsonMapper json, Frames frames) {
    this.gateway = gateway;
    this.tokens = tokens;
    this.feed = feed;
    this.json = json;
    this.frames = frames;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    Connection connection = gateway.open(session);
    if (session.getAttributes().containsKey(HandshakeAuthentication.REFUSED)) {
      connection.close(CloseCodes.INVALID_TOKEN);
      return;
    }
    Actor actor = (Actor) session.getAttributes().get(HandshakeAuthentication.ACTOR);
    if (actor != null) {
      connection.submit(() -> authenticate(connection, actor));
    } else {
      gateway.closeUnlessAuthenticated(connection);
    }
  }

  /**
   * Client frames may be larger than the container's text buffer, which every connection holds
   * for its whole life (kept small: 10,000 connections with 64 KB buffers would need over a GB).
   * The container then hands a frame over in parts, which the connection assembles.
   */
  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Connection connection = gateway.connection(session);
    if (connection == null) {
      return;
    }
    connection.seen();
    String whole = connection.assemble(message.getPayload(), message.isLast());
    if (whole == null) {
      return;
    }
    JsonNode frame;
    try {
      frame = json.readTree(whole);
    } catch (JacksonException malformed) {
      connection.submit(() -> connection.send(frames.error("bad_frame", "frame is not JSON", null)));
      return;
    }
    connection.submit(() -> onFrame(connection, frame));
  }

  @Override
  protected void handlePongMessage(WebSocketSession session, PongMessage message) {
    Connection connection = gateway.connection(session);
    if (connection != null) {
      connection.seen();
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    gateway.closed(session);
  }

  private void onFrame(Connection connection, JsonNode frame) {
    String type = frame.path("type").asString("");
    if (connection.actor() == null) {
      if (type.equals("auth")) {
        try {
          authenticate(connection, tokens.verify(frame.path("token").asString("")));
        } catch (DomainException invalid) {
          connection.close(CloseCodes.INVALID_TOKEN);
        }
      } else {
        connection.send(frames.error("unauthenticated", "send {\"type\":\"auth\"} first", null));
      }
      return;
    }
    switch (type) {
      case "resume" -> resume(connection, frame.path("conversations"));
      case "typing" -> typing(connection, frame.path("conversationId").asString(""));
      case "ping" -> connection.send(frames.pong());
      case "auth" -> connection.send(frames.error("bad_frame", "already authenticated", null));
      default -> connection.send(frames.error("bad_frame", "unknown frame type: " + type, null));
    }
  }

  private void authenticate(Connection connection, Actor actor) {
    connection.authenticated(actor);
    gateway.authenticated(connection);
    connection.send(frames.ready(actor.userId()));
  }

  private void resume(Connection connection, JsonNode positions) {
    if (!positions.isObject() || positions.size() > MAX_RESUME_ENTRIES) {
      connection.send(frames.error("bad_frame",
          "conversations must be an object of at most " + MAX_RESUME_ENTRIES + " entries", null));
      return;
    }
    Map<String, Long> wanted = new LinkedHashMap<>();
    for (var entry : positions.properties()) {
      JsonNode seq = entry.getValue();
      if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0) {
        connection.send(frames.error("bad_frame",
            "the position of each conversation must be an integer of 0 or more", entry.getKey()));
        return;
      }
      wanted.put(entry.getKey(), seq.longValue());
    }
    connection.subscriptions().resume(wanted);
  }

  /**
   * A member typing: the conversations the connection follows are its user's memberships, so
   * only a conversation it does not follow needs the database to tell a refusal from a membership
   * the index has not caught up with.
   */
  private void typing(Connection connection, String conversationId) {
    Actor actor = connection.actor();
    if (!connection.following().contains(conversationId)) {
      try {
        feed.requireMember(actor, conversationId);
      } catch (DomainException refused) {
        connection.send(frames.error("forbidden", refused.getMessage(), conversationId));
        return;
      }
      gateway.follow(connection, conversationId);
    }
    gateway.publish(new BusEvent.TypingNotice(actor.tenantId(), conversationId, actor.userId()));
  }
}
