package dev.switchboard.config;

import dev.switchboard.api.amity.socketio.AmitySocketIoHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Mounts the answer to the Amity SDK's legacy socket.io connection at {@code /socket.io/}. */
@Configuration(proxyBeanMethods = false)
class AmitySocketIoWiring implements WebSocketConfigurer {
  private final AmitySocketIoHandler handler;

  AmitySocketIoWiring(AmitySocketIoHandler handler) {
    this.handler = handler;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    // Tokens in the query authenticate, not cookies: any origin may connect.
    registry
        .addHandler(handler, "/socket.io/", "/socket.io")
        .addInterceptors(handler)
        .setAllowedOriginPatterns("*");
  }
}
