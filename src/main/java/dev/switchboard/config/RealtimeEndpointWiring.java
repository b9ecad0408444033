package dev.switchboard.config;

import dev.switchboard.realtime.gateway.RealtimeGateway;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Mounts the realtime gateway at {@code /realtime/v1}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeEndpointWiring implements WebSocketConfigurer {
  private final RealtimeGateway gateway;

  RealtimeEndpointWiring(RealtimeGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    // Tokens, not cookies, authenticate: any origin may connect.
    registry
        .addHandler(gateway.handler(), "/realtime/v1")
        .addInterceptors(gateway.handshake())
        .setAllowedOriginPatterns("*");
  }
}
