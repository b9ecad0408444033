package dev.switchboard.api.web;

import dev.switchboard.ratelimit.BucketKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates before the body is read: for a handler that takes a credential ({@link
 * CredentialResolver}), the credential is checked here, after routing and before argument
 * resolution (multipart bodies are parsed lazily, on first use), so an unauthenticated client
 * cannot make the server read an upload. Then the caller's rate limit applies; a request that
 * carries an API key in {@code x-api-key} (Amity sessions, which create users) counts against
 * that key.
 */
public class EarlyAuthentication implements HandlerInterceptor {
  private static final String API_KEY_HEADER = "x-api-key";

  private final List<CredentialResolver<?>> resolvers;
  private final RateLimiter limiter;

  public EarlyAuthentication(List<CredentialResolver<?>> resolvers, RateLimiter limiter) {
    this.resolvers = List.copyOf(resolvers);
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    String subject = null;
    for (MethodParameter parameter : method.getMethodParameters()) {
      for (CredentialResolver<?> resolver : resolvers) {
        if (resolver.supportsParameter(parameter)) {
          subject = resolver.authenticateEarly(request);
        }
      }
    }
    String apiKey = request.getHeader(API_KEY_HEADER);
    if (subject == null && apiKey != null && !apiKey.isBlank()) {
      subject = BucketKeys.of("api-key", apiKey);
    }
    if (subject != null && limiter != null) {
      limiter.checkCaller(request, subject);
    }
    return true;
  }
}
