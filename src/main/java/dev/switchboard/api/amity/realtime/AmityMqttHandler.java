package dev.switchboard.api.amity.realtime;

import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

/**
 * The WebSocket side of the MQTT gateway: binary frames carry MQTT packets (MQTT 3.1.1 §6.0),
 * possibly several per frame or one across several frames; the codec reassembles them. Offers
 * the {@code mqtt} subprotocol the SDK asks for. Text frames are not MQTT: 1003.
 */
final class AmityMqttHandler extends BinaryWebSocketHandler implements SubProtocolCapable {
  private final AmityMqttGateway gateway;

  AmityMqttHandler(AmityMqttGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public List<String> getSubProtocols() {
    return List.of("mqtt");
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    gateway.open(session);
  }

  /** Frames larger than the container's buffer arrive in parts: each part is more bytes. */
  @Override
  public boolean supportsPartialMessages() {
    return true;
  }

  @Override
  protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
    AmityMqttConnection connection = gateway.connection(session);
    if (connection == null) {
      return;
    }
    ByteBuffer payload = message.getPayload();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    gateway.received(connection, bytes);
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    AmityMqttConnection connection = gateway.connection(session);
    if (connection != null) {
      connection.close(CloseStatus.NOT_ACCEPTABLE, "text_frame");
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    gateway.closed(session);
  }
}
