package dev.switchboard.realtime.gateway;

import dev.switchboard.access.TokenService;
import dev.switchboard.shared.DomainException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Reads an access token from the upgrade request's Authorization header when there is one.
 * Browsers cannot set it, so its absence is fine: the first frame may authenticate instead. A
 * bad header token is remembered and the connection closed with 4001 once open, so every
 * client sees the same clear close code.
 */
final class HandshakeAuthentication implements HandshakeInterceptor {
  static final String ACTOR = "switchboard.actor";
  static final String REFUSED = "switchboard.refused";
  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  HandshakeAuthentication(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header != null && !header.isBlank()) {
      String token =
          header.regionMatches(true, 0, BEARER, 0, BEARER.length())
              ? header.substring(BEARER.length()).trim()
              : header.trim();
      try {
        attributes.put(ACTOR, tokens.verify(token));
      } catch (DomainException invalid) {
        attributes.put(REFUSED, Boolean.TRUE);
      }
    }
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
