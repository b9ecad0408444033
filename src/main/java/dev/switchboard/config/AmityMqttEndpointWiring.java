package dev.switchboard.config;

import dev.switchboard.api.amity.realtime.AmityMqttGateway;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Mounts Amity's MQTT-over-WebSocket gateway at {@code /mqtt}, on the server's own port. */
@Configuration(proxyBeanMethods = false)
class AmityMqttEndpointWiring implements WebSocketConfigurer {
  private final AmityMqttGateway gateway;

  AmityMqttEndpointWiring(AmityMqttGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    // The access token in CONNECT authenticates, not cookies: any origin may connect.
    registry.addHandler(gateway.handler(), "/mqtt").setAllowedOriginPatterns("*");
  }
}
